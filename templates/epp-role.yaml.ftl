<#-- What the endpoint picker reads: the pods of its pool, its InferencePool, and the optional
     InferenceObjective and InferenceModelRewrite objects; nothing else, and only in this namespace.
     `r` is a plan traffic PickerPlan. -->
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${json(r.name)}
  labels:
    kubeai.org/model: ${json(r.model)}
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]
- apiGroups: ["inference.networking.k8s.io"]
  resources: ["inferencepools"]
  verbs: ["get", "watch", "list"]
- apiGroups: ["inference.networking.x-k8s.io"]
  resources: ["inferenceobjectives", "inferencemodelrewrites"]
  verbs: ["get", "watch", "list"]
