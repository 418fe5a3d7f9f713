package io.kubeai.gitops.hook.edit;

import org.yaml.snakeyaml.error.Mark;

/**
 * The exact text of a YAML file with the few position helpers the edit needs. SnakeYAML counts
 * code points; Java strings count UTF-16 chars, so marks are translated before they touch the text.
 */
final class SourceText {

    private final String text;
    private final String eol;
    private final int[] charAtCodePoint;

    SourceText(String text) {
        this.text = text;
        int lf = text.indexOf('\n');
        this.eol = lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
        this.charAtCodePoint = text.length() == text.codePointCount(0, text.length()) ? null : codePointTable(text);
    }

    private static int[] codePointTable(String text) {
        int[] table = new int[text.codePointCount(0, text.length()) + 1];
        int i = 0;
        int cp = 0;
        while (i < text.length()) {
            table[cp++] = i;
            i += Character.charCount(text.codePointAt(i));
        }
        table[cp] = i;
        return table;
    }

    String text() {
        return text;
    }

    /** The file's line break, taken from its first line: new lines use the same. */
    String eol() {
        return eol;
    }

    int index(Mark mark) {
        int cp = mark.getIndex();
        return charAtCodePoint == null ? cp : charAtCodePoint[Math.min(cp, charAtCodePoint.length - 1)];
    }

    /** 1-based line of a char index, for messages. */
    int line(int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    int lineStart(int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    /** 0-based column of a char index; indentation is plain spaces, so chars are columns. */
    int column(int index) {
        return index - lineStart(index);
    }

    /** The rest of the line after {@code index}, without its line break. */
    String restOfLine(int index) {
        int lf = text.indexOf('\n', index);
        int end = lf < 0 ? text.length() : lf;
        if (end > index && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(index, end);
    }

    /**
     * Where whole lines go after the content that ends at {@code contentEnd}: the start of the next
     * line. A block scalar's end already sits at the start of a line, past the lines it owns.
     */
    int lineInsertionPoint(int contentEnd) {
        if (contentEnd > 0 && contentEnd <= text.length() && text.charAt(contentEnd - 1) == '\n') {
            return contentEnd;
        }
        int lf = text.indexOf('\n', contentEnd);
        return lf < 0 ? text.length() : lf + 1;
    }

    /** From a line start, moves past the lines that hold only a comment starting right of {@code column}. */
    int skipCommentLinesDeeperThan(int lineStart, int column) {
        int at = lineStart;
        while (at < text.length()) {
            String line = restOfLine(at);
            String code = line.stripLeading();
            if (!code.startsWith("#") || line.length() - code.length() <= column) {
                return at;
            }
            int lf = text.indexOf('\n', at);
            at = lf < 0 ? text.length() : lf + 1;
        }
        return at;
    }

    /** True when lines inserted at {@code index} need a line break first (the file has no final one). */
    boolean needsBreakBefore(int index) {
        return index == text.length() && !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
    }

    /** Moves back from {@code index} over spaces and tabs on the same line. */
    int skipBlanksBackward(int index) {
        int i = index;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }
}
