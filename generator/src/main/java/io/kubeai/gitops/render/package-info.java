/**
 * Templates to YAML documents to fabric8 objects: FreeMarker renders each planned object, the result is
 * parsed and bound to its fabric8 type (a template that writes a wrong field or type fails here, naming
 * the template's line), common metadata is added, and the object is written back as canonical YAML.
 */
package io.kubeai.gitops.render;
