package io.kubeai.gitops.hook.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** A unified diff of two texts for failure messages, by JGit's diff; line ends are shown as \r / $. */
public final class UnifiedDiff {

    private UnifiedDiff() {}

    public static String of(String expectedName, String expected, String actualName, String actual) {
        RawText a = new RawText(visible(expected).getBytes(StandardCharsets.UTF_8));
        RawText b = new RawText(visible(actual).getBytes(StandardCharsets.UTF_8));
        EditList edits = new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            out.write(("--- " + expectedName + "\n+++ " + actualName + "\n").getBytes(StandardCharsets.UTF_8));
            formatter.format(edits, a, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Makes CR and the presence of a final line break visible, so a diff never looks empty. */
    private static String visible(String text) {
        String shown = text.replace("\r", "\\r").replace("\n", "$\n");
        return text.endsWith("\n") ? shown : shown + "\n\\ no final line break\n";
    }
}
