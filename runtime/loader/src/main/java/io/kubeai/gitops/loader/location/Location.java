package io.kubeai.gitops.loader.location;

/** Where files come from or go to. */
public sealed interface Location permits HfLocation, BucketLocation, LocalLocation {
    /** The location as a URL or path, for messages; never contains credentials. */
    String display();
}
