package dev.goconc;

/**
 * The result of {@code v, ok := <-ch}: {@code ok} is false when the channel is closed and
 * drained, in which case {@code value} is {@code null} (Go's zero value).
 */
public record Received<T>(T value, boolean ok) {}
