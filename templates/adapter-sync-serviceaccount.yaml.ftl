<#-- The identity of a Model's pods when the adapter-sync sidecar watches its ConfigMap. No token is mounted
     by default: the pod mounts one into the sidecar only, so the server holds no API credential.
     `r` is a plan SyncAccess. -->
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
automountServiceAccountToken: false
