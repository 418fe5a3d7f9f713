package io.kubeai.gitops.hook.edit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the file under {@code models/} that defines a Model, reading every {@code *.yaml} and {@code *.yml}. */
public final class ModelLocator {

    /** The folder of Model files inside a GitOps repo. */
    public static final String MODELS_DIR = "models";

    private ModelLocator() {}

    /**
     * One file defining the Model.
     *
     * @param file    the file
     * @param content the file read for editing
     * @param line    where the Model's document starts
     */
    public record Match(Path file, ModelFile content, int line) {}

    /**
     * Everything found.
     *
     * @param matches    the files that define the Model, in path order (one, normally)
     * @param unreadable files that could not be read, as {@code path:line: problem}: one of them might
     *                   have been the Model
     */
    public record Search(List<Match> matches, List<String> unreadable) {}

    public static Search search(Path gitopsDir, String modelName) throws IOException {
        Path models = gitopsDir.resolve(MODELS_DIR);
        List<Match> matches = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(models)) {
            return new Search(matches, unreadable);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(models)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml")
                            || p.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            String shown = gitopsDir.relativize(file).toString().replace('\\', '/');
            ModelFile content;
            try {
                content = ModelFile.parse(readUtf8(file));
            } catch (CharacterCodingException e) {
                unreadable.add(shown + ": not UTF-8");
                continue;
            } catch (ModelFileException e) {
                unreadable.add(shown + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
                continue;
            }
            for (int i = 0; i < content.countModels(modelName); i++) {
                matches.add(
                        new Match(file, content, content.modelLine(modelName).orElse(0)));
            }
        }
        return new Search(List.copyOf(matches), List.copyOf(unreadable));
    }

    /** Strict UTF-8, so that writing the text back reproduces every byte that was not edited. */
    static String readUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }
}
