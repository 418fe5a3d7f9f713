package io.kubeai.gitops.loader.source;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Delivers exactly {@code length} bytes of the wrapped stream: stops there even if more follow, and
 * throws {@link EOFException} if the stream ends early (a truncated body).
 */
public final class ExactLengthStream extends FilterInputStream {
  private final long length;
  private final Runnable onAbort;
  private long left;

  public ExactLengthStream(InputStream in, long length, Runnable onAbort) {
    super(in);
    this.length = length;
    this.left = length;
    this.onAbort = onAbort;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (left == 0) {
      return -1;
    }
    int n = super.read(b, off, (int) Math.min(len, left));
    if (n < 0) {
      throw new EOFException("the body ended after " + (length - left) + " of " + length + " bytes");
    }
    left -= n;
    return n;
  }

  @Override
  public void close() throws IOException {
    if (left > 0 && onAbort != null) {
      // Not read to the end: the connection cannot be reused.
      onAbort.run();
    }
    super.close();
  }
}
