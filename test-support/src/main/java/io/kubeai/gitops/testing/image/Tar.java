package io.kubeai.gitops.testing.image;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Just enough of the tar format for image tarballs: writing ustar entries (files, directories, symlinks)
 * and reading ustar with PAX and GNU long names, gzip-compressed or not. Image layers need nothing more,
 * and the JDK has no tar.
 */
public final class Tar {

    private static final int BLOCK = 512;

    private Tar() {}

    /** One entry as read: its normalized path (no leading "./" or "/"), type, mode, owner and link. */
    public record Entry(String path, char type, int mode, int uid, int gid, String link, long size) {
        public boolean isDirectory() {
            return type == '5';
        }

        public boolean isSymlink() {
            return type == '2';
        }

        public boolean isFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    /** Writes a ustar archive; paths must fit ustar's 100 characters (the base image's do). */
    static final class Writer implements AutoCloseable {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void directory(String path, int mode, int uid) throws IOException {
            header(path.endsWith("/") ? path : path + "/", '5', mode, uid, 0, "");
        }

        void symlink(String path, String target) throws IOException {
            header(path, '2', 0777, 0, 0, target);
        }

        void file(String path, int mode, byte[] content) throws IOException {
            header(path, '0', mode, 0, content.length, "");
            out.write(content);
            pad(content.length);
        }

        private void header(String path, char type, int mode, int uid, long size, String link) throws IOException {
            byte[] h = new byte[BLOCK];
            put(h, 0, 100, path);
            octal(h, 100, 8, mode);
            octal(h, 108, 8, uid);
            octal(h, 116, 8, uid);
            octal(h, 124, 12, size);
            octal(h, 136, 12, 1_767_225_600L); // 2026-01-01, fixed: the same base every build
            h[156] = (byte) type;
            put(h, 157, 100, link);
            put(h, 257, 6, "ustar");
            put(h, 263, 2, "00");
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            octal(h, 148, 7, sum);
            out.write(h);
        }

        private void pad(long size) throws IOException {
            int rest = (int) (size % BLOCK);
            if (rest != 0) {
                out.write(new byte[BLOCK - rest]);
            }
        }

        private static void put(byte[] h, int at, int len, String value) {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            if (b.length > len) {
                throw new IllegalArgumentException("too long for ustar: " + value);
            }
            System.arraycopy(b, 0, h, at, b.length);
        }

        private static void octal(byte[] h, int at, int len, long value) {
            String s = Long.toOctalString(value);
            put(h, at, len - 1, "0".repeat(Math.max(0, len - 1 - s.length())) + s);
        }

        @Override
        public void close() throws IOException {
            out.write(new byte[2 * BLOCK]);
            out.close();
        }
    }

    /** Visits each entry of {@code in} (gzip detected), with a stream of its content. */
    interface Visitor {
        void visit(Entry entry, InputStream content) throws IOException;
    }

    static void read(InputStream raw, Visitor visitor) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream in = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        String longName = null;
        String longLink = null;
        byte[] h = new byte[BLOCK];
        while (in.readNBytes(h, 0, BLOCK) == BLOCK && !isZero(h)) {
            char type = (char) h[156];
            long size = parseOctal(h, 124, 12);
            if (type == 'x' || type == 'L' || type == 'K') {
                String text = new String(readContent(in, size), StandardCharsets.UTF_8);
                if (type == 'L') {
                    longName = text.replace("\0", "");
                } else if (type == 'K') {
                    longLink = text.replace("\0", "");
                } else {
                    longName = paxValue(text, "path", longName);
                    longLink = paxValue(text, "linkpath", longLink);
                }
                continue;
            }
            String name = longName != null ? longName : ustarName(h);
            String link = longLink != null ? longLink : string(h, 157, 100);
            longName = null;
            longLink = null;
            Entry entry = new Entry(
                    normalize(name),
                    type,
                    (int) parseOctal(h, 100, 8),
                    (int) parseOctal(h, 108, 8),
                    (int) parseOctal(h, 116, 8),
                    link,
                    size);
            InputStream content = new Bounded(in, size);
            visitor.visit(entry, content);
            content.transferTo(OutputStream.nullOutputStream());
            long rest = size % BLOCK;
            if (rest != 0) {
                in.readNBytes(BLOCK - (int) rest);
            }
        }
    }

    /** Unpacks {@code in} under {@code root} as a container runtime would stack a layer (whiteouts included). */
    static void unpackLayer(InputStream in, Path root) throws IOException {
        read(in, (entry, content) -> {
            if (entry.path().isEmpty()) {
                return;
            }
            Path target = root.resolve(entry.path()).normalize();
            if (!target.startsWith(root)) {
                throw new IOException("layer entry outside the root: " + entry.path());
            }
            String fileName = target.getFileName().toString();
            if (fileName.startsWith(".wh.")) {
                deleteTree(target.resolveSibling(fileName.substring(4)));
                return;
            }
            Files.createDirectories(target.getParent());
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else if (entry.isSymlink()) {
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(entry.link()));
            } else if (entry.isFile()) {
                Files.deleteIfExists(target);
                Files.copy(content, target);
                Files.setPosixFilePermissions(target, permissions(entry.mode()));
            }
        });
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(all[i]);
            }
        }
        return set;
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.delete(path);
    }

    private static byte[] readContent(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Bounded(in, size).transferTo(out);
        long rest = size % BLOCK;
        if (rest != 0) {
            in.readNBytes(BLOCK - (int) rest);
        }
        return out.toByteArray();
    }

    private static String paxValue(String records, String key, String fallback) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            int eq = record.indexOf('=');
            if (space > 0 && eq > space && record.substring(space + 1, eq).equals(key)) {
                return record.substring(eq + 1);
            }
        }
        return fallback;
    }

    private static String ustarName(byte[] h) {
        String name = string(h, 0, 100);
        String prefix = string(h, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String normalize(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.startsWith("./") ? n.substring(2) : n.substring(1);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String string(byte[] h, int at, int len) {
        int end = at;
        while (end < at + len && h[end] != 0) {
            end++;
        }
        return new String(h, at, end - at, StandardCharsets.UTF_8);
    }

    private static long parseOctal(byte[] h, int at, int len) {
        String s = string(h, at, len).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static boolean isZero(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The next {@code size} bytes of a stream, without closing it. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buf, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {}
    }
}
