package io.kubeai.gitops.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The runtime images named when kubeai.yaml does not name them, from {@code images.properties} beside this
 * class: by tag until a release, then by digest (the release workflow rewrites the file).
 */
final class DefaultImages {

    private static final Properties IMAGES = load();

    private DefaultImages() {}

    /** The default reference of {@code name} ({@code kubeai-loader}, {@code kubeai-adapter-sync}, ...). */
    static String of(String name) {
        String image = IMAGES.getProperty(name);
        if (image == null || image.isBlank()) {
            throw new IllegalStateException("images.properties names no image " + name);
        }
        return image.trim();
    }

    private static Properties load() {
        Properties images = new Properties();
        try (InputStream in = DefaultImages.class.getResourceAsStream("images.properties")) {
            if (in == null) {
                throw new IllegalStateException("images.properties is missing from the generator's jar");
            }
            images.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images;
    }
}
