package io.kubeai.gitops.plan;

import java.util.Map;

/** The loader image and the resources its containers get. */
public record LoaderImage(String image, String pullPolicy, Map<String, String> requests, Map<String, String> limits) {}
