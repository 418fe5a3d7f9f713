<#-- The namespace every Model lives in, with the Pod Security level it enforces: restricted, or baseline
     when a Model's server must run as root (its Deployment says why); warnings and audit stay at
     restricted either way. `r` is a plan NamespacePlan. -->
apiVersion: v1
kind: Namespace
metadata:
  name: ${json(r.name)}
  labels:
    pod-security.kubernetes.io/enforce: ${json(r.enforce)}
    pod-security.kubernetes.io/enforce-version: ${json(r.version)}
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/warn-version: ${json(r.version)}
    pod-security.kubernetes.io/audit: restricted
    pod-security.kubernetes.io/audit-version: ${json(r.version)}
