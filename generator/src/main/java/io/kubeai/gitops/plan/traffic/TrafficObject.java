package io.kubeai.gitops.plan.traffic;

/**
 * One object for a Model's folder.
 *
 * @param template the template's file name
 * @param file     the output file's name
 * @param model    what the template receives as {@code r}
 */
public record TrafficObject(String template, String file, Object model) {}
