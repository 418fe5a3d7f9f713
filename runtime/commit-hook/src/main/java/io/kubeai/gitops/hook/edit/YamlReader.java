package io.kubeai.gitops.hook.edit;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;

/**
 * Builds {@link YamlNode} trees from SnakeYAML's parser events rather than its composed nodes: events
 * keep an alias where it is written, and give every scalar its exact span.
 */
final class YamlReader {

    private final SourceText source;
    private final Iterator<Event> events;

    private YamlReader(SourceText source) {
        this.source = source;
        LoaderOptions options = new LoaderOptions();
        this.events = new Yaml(options).parse(new StringReader(source.text())).iterator();
    }

    /** The root node of every document in the text, in order. */
    static List<YamlNode> documents(SourceText source) throws ModelFileException {
        try {
            return new YamlReader(source).readStream();
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new ModelFileException(line, "invalid YAML: " + problem.strip());
        } catch (YAMLException e) {
            throw new ModelFileException(0, "invalid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int lf = message.indexOf('\n');
        return (lf < 0 ? message : message.substring(0, lf)).strip();
    }

    private List<YamlNode> readStream() {
        List<YamlNode> documents = new ArrayList<>();
        events.next(); // StreamStart
        while (true) {
            Event event = events.next();
            if (event instanceof StreamEndEvent) {
                return documents;
            }
            // DocumentStart, then exactly one root node, then DocumentEnd.
            documents.add(node(events.next()));
            Event end = events.next();
            if (!(end instanceof DocumentEndEvent)) {
                throw new YAMLException("unexpected " + end.getEventId() + " after a document's root");
            }
        }
    }

    private YamlNode node(Event event) {
        int start = source.index(event.getStartMark());
        int end = source.index(event.getEndMark());
        if (event instanceof ScalarEvent scalar) {
            ScalarStyle style = scalar.getScalarStyle();
            boolean plainImplicit =
                    style == ScalarStyle.PLAIN && scalar.getImplicit().canOmitTagInPlainScalar();
            return new YamlNode.Scalar(scalar.getValue(), style, plainImplicit, start, end);
        }
        if (event instanceof AliasEvent) {
            return new YamlNode.Alias(start, end);
        }
        if (event instanceof SequenceStartEvent sequence) {
            List<YamlNode> items = new ArrayList<>();
            Event next = events.next();
            while (!(next instanceof SequenceEndEvent)) {
                items.add(node(next));
                next = events.next();
            }
            boolean flow = sequence.isFlow();
            int contentEnd = flow
                    ? source.index(next.getEndMark())
                    : items.get(items.size() - 1).end();
            return new YamlNode.Sequence(List.copyOf(items), flow, start, contentEnd);
        }
        if (event instanceof MappingStartEvent mapping) {
            List<YamlNode.Entry> entries = new ArrayList<>();
            Event next = events.next();
            while (!(next instanceof MappingEndEvent)) {
                YamlNode key = node(next);
                entries.add(new YamlNode.Entry(key, node(events.next())));
                next = events.next();
            }
            boolean flow = mapping.isFlow();
            int contentEnd = flow
                    ? source.index(next.getEndMark())
                    : entries.get(entries.size() - 1).value().end();
            return new YamlNode.Mapping(List.copyOf(entries), flow, start, contentEnd);
        }
        throw new YAMLException("unexpected " + event.getEventId() + " where a node should start");
    }
}
