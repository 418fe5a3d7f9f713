package io.kubeai.gitops.plan;

/**
 * One object to render.
 *
 * @param template the template's file name, e.g. {@code deployment.yaml.ftl}
 * @param file     the output file's name inside its folder
 * @param model    what the template receives as {@code r}
 * @param phase    when a GitOps engine applies it
 */
public record ResourcePlan(String template, String file, Object model, Phase phase) {}
