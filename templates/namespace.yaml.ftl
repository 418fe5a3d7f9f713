<#-- The namespace every Model lives in. `r` is the namespace's name. -->
apiVersion: v1
kind: Namespace
metadata:
  name: ${json(r)}
