<#-- An alternative to application.yaml: one Application per Model and per shared cache, from the folders
     of the rendered tree. `r` is a plan EntryPoint. Use one or the other, not both. -->
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${json(r.name + "-per-model")}
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
  - git:
      repoURL: ${json(r.repository)}
      revision: ${json(r.revision)}
      directories:
      - path: ${json(r.path + "/models/*")}
      - path: ${json(r.path + "/caches/*")}
      - path: ${json(r.path + "/finetunes/*")}
  template:
    metadata:
      name: ${json(r.name + "-{{.path.basename}}")}
    spec:
      project: default
      source:
        repoURL: ${json(r.repository)}
        targetRevision: ${json(r.revision)}
        path: "{{.path.path}}"
      destination:
        server: https://kubernetes.default.svc
        namespace: ${json(r.namespace)}
      syncPolicy:
        automated:
          prune: true
          selfHeal: true
        syncOptions:
        - CreateNamespace=true
