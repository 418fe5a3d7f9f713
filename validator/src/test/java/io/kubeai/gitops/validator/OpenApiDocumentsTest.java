package io.kubeai.gitops.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OpenApiDocumentsTest {

    @Test
    void kubernetesDocument_bindsKindsByTheirGroupVersionKindExtension() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        OpenApiDocuments.load(SharedSchemas.openApi("kubernetes-1.35.0.json"), library);

        assertThat(library.rootOf(new GroupVersionKind("apps", "v1", "Deployment")))
                .isEqualTo("io.k8s.api.apps.v1.Deployment");
        assertThat(library.rootOf(new GroupVersionKind("", "v1", "ConfigMap")))
                .isEqualTo("io.k8s.api.core.v1.ConfigMap");
        // Not a kind: a spec carries no group/version/kind.
        assertThat(library.kinds()).doesNotContainValue("io.k8s.api.apps.v1.DeploymentSpec");
    }

    @Test
    void snapshotDocument_derivesTheGroupFromTheReversedDefinitionName() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        OpenApiDocuments.load(SharedSchemas.openApi("io.k8s.storage.snapshot.json"), library);

        assertThat(library.rootOf(GroupVersionKind.of("snapshot.storage.k8s.io/v1", "VolumeSnapshot")))
                .isEqualTo("io.k8s.storage.snapshot.v1.VolumeSnapshot");
        assertThat(library.rootOf(GroupVersionKind.of("snapshot.storage.k8s.io/v1", "VolumeSnapshotClass")))
                .isNotNull();
        assertThat(library.rootOf(GroupVersionKind.of("snapshot.storage.k8s.io/v1", "VolumeSnapshotSpec")))
                .isNull();
    }

    @Test
    void kustomizeDocument_describesKustomizationAndComponent() throws IOException {
        SchemaLibrary library = new SchemaLibrary();
        OpenApiDocuments.load(SharedSchemas.openApi("kustomize.json"), library);

        assertThat(library.rootOf(GroupVersionKind.of("kustomize.config.k8s.io/v1beta1", "Kustomization")))
                .isEqualTo("io.k8s.sigs.kustomize.api.types.Kustomization");
        assertThat(library.rootOf(GroupVersionKind.of("kustomize.config.k8s.io/v1alpha1", "Component")))
                .isEqualTo("io.k8s.sigs.kustomize.api.types.Kustomization");
    }

    @Test
    void apiVersion_splitsIntoGroupAndVersion_withTheCoreGroupEmpty() {
        assertThat(GroupVersionKind.of("v1", "Service")).isEqualTo(new GroupVersionKind("", "v1", "Service"));
        assertThat(GroupVersionKind.of("argoproj.io/v1alpha1", "Application").apiVersion())
                .isEqualTo("argoproj.io/v1alpha1");
        assertThat(OpenApiDocuments.reversed("io.k8s.storage.snapshot")).isEqualTo("snapshot.storage.k8s.io");
    }
}
