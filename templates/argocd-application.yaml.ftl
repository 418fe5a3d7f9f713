<#-- The Argo CD Application that applies the rendered tree. `r` is a plan EntryPoint.
     Apply it once (kubectl apply -f rendered/argocd/application.yaml); it syncs the rest. Sync waves on
     the objects order the cache load, the snapshot and serving; Jobs gate the next wave by their health. -->
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${json(r.name)}
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${json(r.repository)}
    targetRevision: ${json(r.revision)}
    path: ${json(r.path)}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${json(r.namespace)}
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
    syncOptions:
    - CreateNamespace=true
    retry:
      limit: 5
      backoff:
        duration: 10s
        factor: 2
        maxDuration: 5m
