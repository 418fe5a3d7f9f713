package io.kubeai.gitops.loader.source.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads a ListObjectsV2 answer ({@code ListBucketResult}): the objects, and where the next page starts. */
final class ListObjectsXml {
    /** One object of a listing; the ETag without its quotes. */
    record Entry(String key, long size, String etag) {}

    /** A page of a listing; {@code next} is the continuation token, or null on the last page. */
    record Page(List<Entry> entries, String next) {}

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        // A listing has no business declaring entities; refuse them rather than resolve them.
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private ListObjectsXml() {}

    static Page parse(byte[] xml) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String next = null;
        boolean truncated = false;
        try {
            XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
            String key = null;
            long size = -1;
            String etag = null;
            boolean inContents = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Contents" -> {
                            inContents = true;
                            key = null;
                            size = -1;
                            etag = null;
                        }
                        case "Key" -> key = inContents ? r.getElementText() : key;
                        case "Size" ->
                            size = inContents
                                    ? Long.parseLong(r.getElementText().trim())
                                    : size;
                        case "ETag" ->
                            etag = inContents
                                    ? r.getElementText().replace("\"", "").trim()
                                    : etag;
                        case "IsTruncated" ->
                            truncated = Boolean.parseBoolean(r.getElementText().trim());
                        case "NextContinuationToken" -> next = r.getElementText();
                        default -> {
                            // Owner, StorageClass, checksums: not needed.
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && r.getLocalName().equals("Contents")) {
                    if (key == null || size < 0) {
                        throw new IOException("a listing entry without a Key or Size");
                    }
                    entries.add(new Entry(key, size, etag));
                    inContents = false;
                }
            }
        } catch (XMLStreamException | NumberFormatException e) {
            throw new IOException("not a ListObjectsV2 answer: " + e.getMessage(), e);
        }
        if (truncated && (next == null || next.isEmpty())) {
            throw new IOException("a truncated listing without a NextContinuationToken");
        }
        return new Page(entries, truncated ? next : null);
    }
}
