/**
 * The deterministic writer: compares the rendered files with the output folder, and when anything
 * differs replaces the folder in one swap, deleting only files the generator itself wrote before.
 */
package io.kubeai.gitops.write;
