import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.CRC32;

/** Splits a large upload into chunks read by one goroutine and sent by the caller. */
class ChunkedUploader {
  record Chunk(int index, byte[] data) {}

  interface Target {
    void putChunk(String uploadId, Chunk c);

    void complete(String uploadId, int chunks, long crc);
  }

  private final Target target;
  private final int chunkSize;

  ChunkedUploader(Target target, int chunkSize) {
    this.target = target;
    this.chunkSize = chunkSize;
  }

  void upload(String uploadId, InputStream in) {
    Chan<Chunk> chunks = Chan.make(4);
    Go.go(() -> {
      try {
        byte[] buf = new byte[chunkSize];
        int index = 0;
        int n;
        while ((n = in.readNBytes(buf, 0, chunkSize)) > 0) {
          chunks.send(new Chunk(index++, Arrays.copyOf(buf, n)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    CRC32 crc = new CRC32();
    int count = 0;
    // BUG(UnclosedChannel): the reader goroutine never closes chunks, so receiveOk never reports !ok
    while (true) {
      Received<Chunk> r = chunks.receiveOk();
      if (!r.ok()) {
        break;
      }
      crc.update(r.value().data());
      target.putChunk(uploadId, r.value());
      count++;
    }
    target.complete(uploadId, count, crc.getValue());
  }

  void uploadFixed(String uploadId, InputStream in) {
    Chan<Chunk> chunks = Chan.make(4);
    Go.go(() -> {
      try {
        byte[] buf = new byte[chunkSize];
        int index = 0;
        int n;
        while ((n = in.readNBytes(buf, 0, chunkSize)) > 0) {
          chunks.send(new Chunk(index++, Arrays.copyOf(buf, n)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        chunks.close();
      }
    });
    CRC32 crc = new CRC32();
    int count = 0;
    // OK(UnclosedChannel): the reader closes chunks in finally
    for (Received<Chunk> r = chunks.receiveOk(); r.ok(); r = chunks.receiveOk()) {
      crc.update(r.value().data());
      target.putChunk(uploadId, r.value());
      count++;
    }
    target.complete(uploadId, count, crc.getValue());
  }
}
