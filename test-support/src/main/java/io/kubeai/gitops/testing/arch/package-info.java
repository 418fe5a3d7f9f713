/**
 * Architecture checks over a module's sources: the package graph, read from imports and qualified names,
 * so a test can fail on a package cycle or on an adapter that reaches past the public API.
 */
package io.kubeai.gitops.testing.arch;
