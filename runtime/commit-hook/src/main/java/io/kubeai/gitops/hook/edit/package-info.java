/**
 * The comment-preserving edit of Model files. SnakeYAML's parser events give every node its exact
 * span; the edit is a text splice guided by those spans, so comments, key order, quoting and
 * indentation stay as they were and a reviewer sees only the added lines. Every edit is checked by
 * loading the new text and comparing it with the old data plus the one adapter.
 */
package io.kubeai.gitops.hook.edit;
