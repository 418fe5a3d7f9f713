package io.kubeai.gitops.cli;

public final class KubeaiCli {
    public static void main(String[] args) {
    }
}
