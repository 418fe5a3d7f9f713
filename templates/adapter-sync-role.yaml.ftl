<#-- What adapter-sync reads and writes: its Model's adapters ConfigMap by name (list and watch too: the
     sidecar watches with the field selector metadata.name=<ConfigMap>, which resourceNames authorizes),
     and Events on its pod, which cannot be limited by name (each Event has a new one).
     `r` is a plan SyncAccess. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  resourceNames: [${json(r.configMap)}]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
