package io.kubeai.gitops.write;

/**
 * Named points of the tree swap where a test can stop the process, to kill it there and check that
 * the next run recovers. Set {@code -Dkubeai.write.pauseAt=NAME} on a child JVM: at that point the
 * writer prints {@code kubeai: paused at NAME} to standard error and waits to be killed. Without the
 * property this does nothing.
 */
final class FaultPoint {
    static final String PROPERTY = "kubeai.write.pauseAt";
    private static final String PAUSE_AT = System.getProperty(PROPERTY, "");

    private FaultPoint() {}

    static void reached(String name) {
        if (!PAUSE_AT.equals(name)) {
            return;
        }
        System.err.println("kubeai: paused at " + name);
        System.err.flush();
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
