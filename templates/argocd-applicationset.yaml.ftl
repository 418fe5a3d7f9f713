<#-- One Argo CD Application per delivery unit (gitops.units: perModel): per Model, per shared cache, per
     FineTuneJob, and one for each other folder of the rendered tree (the namespace, the local bucket). Sync
     waves order the objects inside one Application only, so a Model waiting for its load or a Pending claim
     holds back no other Model. Apply it once: it matches folders by pattern, so adding a Model changes
     nothing here. `r` is a plan EntryPoint.ApplicationSet. -->
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: ${json(r.source.name)}
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
<#list r.generators as g>
  - git:
      repoURL: ${json(r.source.repository)}
      revision: ${json(r.source.revision)}
      directories:
<#list g.include as path>
      - path: ${json(path)}
</#list>
<#list g.exclude as path>
      - path: ${json(path)}
        exclude: true
</#list>
      values:
        prefix: ${json(g.prefix)}
</#list>
  template:
    metadata:
      name: "{{.values.prefix}}{{.path.basename}}"
    spec:
      project: default
      source:
        repoURL: ${json(r.source.repository)}
        targetRevision: ${json(r.source.revision)}
        path: "{{.path.path}}"
      destination:
        server: https://kubernetes.default.svc
        namespace: ${json(r.source.namespace)}
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
