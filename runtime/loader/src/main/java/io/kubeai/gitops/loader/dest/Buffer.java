package io.kubeai.gitops.loader.dest;

/** A leased array from the run's bounded buffer pool; released once its bytes are hashed and sent. */
public interface Buffer {
    byte[] array();

    /** Returns the array to the pool; calling it again does nothing. */
    void release();
}
