<#-- The Flux source of the rendered tree. `r` is a plan EntryPoint. -->
apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata:
  name: ${json(r.name)}
  namespace: flux-system
spec:
  interval: 1m
  url: ${json(r.repository)}
  ref:
    branch: ${json(r.revision)}
