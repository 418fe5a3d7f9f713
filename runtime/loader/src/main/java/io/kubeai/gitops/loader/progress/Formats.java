package io.kubeai.gitops.loader.progress;

import io.kubeai.gitops.loader.api.Progress;
import java.time.Duration;
import java.util.Locale;

/** Human formats: sizes in binary units, rates in MB/s (decimal, as network tools print them). */
public final class Formats {
    private Formats() {}

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }

    public static String rate(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1e6);
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /** {@code progress: 1.20 GiB / 2.00 GiB (60.0%), 850.3 MB/s, ETA 1s, files 2/7}. */
    public static String text(Progress p) {
        double pct = p.bytesTotal() == 0 ? 100 : 100.0 * p.bytesDone() / p.bytesTotal();
        return String.format(
                Locale.ROOT,
                "progress: %s / %s (%.1f%%), %s, ETA %s, files %d/%d",
                bytes(p.bytesDone()),
                bytes(p.bytesTotal()),
                pct,
                rate(p.bytesPerSecond()),
                duration(p.eta()),
                p.filesDone(),
                p.filesTotal());
    }
}
