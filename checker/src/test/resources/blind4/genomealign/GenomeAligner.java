import dev.goconc.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Splits a read set into chunks, aligns each chunk on its own goroutine, merges hits in order. */
public class GenomeAligner {
  public record Read(String id, String bases) {}
  public record Hit(String readId, int position, int score) {}
  record ChunkResult(int chunk, List<Hit> hits) {}

  interface Reference {
    int bestPosition(String bases);
    default int score(String bases, int pos) {
      return pos < 0 ? 0 : bases.length() * 2;
    }
  }

  private final Reference reference;
  private final int chunkSize;

  public GenomeAligner(Reference reference, int chunkSize) {
    this.reference = reference;
    this.chunkSize = chunkSize;
  }

  public List<Hit> align(Context ctx, List<Read> reads) {
    List<List<Read>> chunks = split(reads);
    // OK(GoroutineLeak): one slot per chunk, so no aligner blocks even if the merge stops early
    Chan<ChunkResult> results = Chan.make(chunks.size());
    ErrGroup group = ErrGroup.withContext(ctx);
    group.setLimit(4);
    for (int i = 0; i < chunks.size(); i++) {
      final int index = i;
      final List<Read> chunk = chunks.get(i);
      group.go(() -> results.send(new ChunkResult(index, alignChunk(group.context(), chunk))));
    }
    // OK(UnclosedChannel): the closer goroutine closes results once every aligner is done
    Go.go(() -> {
      group.await();
      results.close();
    });
    List<ChunkResult> merged = new ArrayList<>();
    for (ChunkResult r : results) {
      merged.add(r);
    }
    Throwable failure = group.await();
    if (failure != null) {
      throw new IllegalStateException("alignment failed", failure);
    }
    return merged.stream()
        .sorted(Comparator.comparingInt(ChunkResult::chunk))
        .flatMap(r -> r.hits().stream())
        .toList();
  }

  private List<Hit> alignChunk(Context ctx, List<Read> chunk) {
    List<Hit> hits = new ArrayList<>();
    for (Read read : chunk) {
      if (ctx.err() != null) {
        throw ctx.err();
      }
      int pos = reference.bestPosition(read.bases());
      hits.add(new Hit(read.id(), pos, reference.score(read.bases(), pos)));
    }
    return hits;
  }

  private List<List<Read>> split(List<Read> reads) {
    List<List<Read>> chunks = new ArrayList<>();
    for (int from = 0; from < reads.size(); from += chunkSize) {
      chunks.add(reads.subList(from, Math.min(reads.size(), from + chunkSize)));
    }
    return chunks;
  }
}
