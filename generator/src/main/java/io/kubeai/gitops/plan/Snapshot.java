package io.kubeai.gitops.plan;

/** A VolumeSnapshot of a filled ReadWriteOnce cache disk. snapshotClass is empty for the cluster default. */
public record Snapshot(String name, String model, String claim, String snapshotClass) {}
