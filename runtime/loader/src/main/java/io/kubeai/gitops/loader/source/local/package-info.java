/** A local directory as a source: a PVC another loader filled, or the directory a publish uploads. */
package io.kubeai.gitops.loader.source.local;
