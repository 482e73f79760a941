package example.indexer;

/** The index could not be built: a file could not be read, or a worker failed. */
public final class IndexingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IndexingException(String message, Throwable cause) {
    super(message, cause);
  }
}
