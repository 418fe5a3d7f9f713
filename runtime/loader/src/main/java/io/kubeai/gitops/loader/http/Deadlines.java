package io.kubeai.gitops.loader.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One daemon thread that closes plain-HTTP connections whose read or write has waited past its
 * deadline (blocking socket channels ignore {@code SO_TIMEOUT}). It runs only while connections are
 * open, and checks every {@value #TICK_MILLIS} ms, which bounds how late a timeout fires.
 */
final class Deadlines {
    static final long TICK_MILLIS = 100;
    private static final Set<PlainConnection> OPEN = ConcurrentHashMap.newKeySet();
    private static Thread watcher;

    private Deadlines() {}

    static void watch(PlainConnection c) {
        OPEN.add(c);
        synchronized (Deadlines.class) {
            if (watcher == null) {
                watcher = new Thread(Deadlines::run, "http-deadlines");
                watcher.setDaemon(true);
                watcher.start();
            }
        }
    }

    static void forget(PlainConnection c) {
        OPEN.remove(c);
    }

    private static void run() {
        while (true) {
            synchronized (Deadlines.class) {
                if (OPEN.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                synchronized (Deadlines.class) {
                    watcher = null;
                }
                return;
            }
            long now = System.nanoTime();
            for (PlainConnection c : OPEN) {
                c.expireIfLate(now);
            }
        }
    }
}
