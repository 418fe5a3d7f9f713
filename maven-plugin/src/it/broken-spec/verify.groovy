// Both invocations (check, then generate) wrote to one build.log.
String log = new File(basedir, 'build.log').text

String unknownField = "models/chat.yaml:9:3: error: unknown field 'replicaz'"
String unknownProfile = "models/chat.yaml:8:17: error: cacheProfile 'FastDisk' is not defined in kubeai.yaml"

assert log.contains(unknownField): "no '${unknownField}' in build.log"
assert log.contains(unknownProfile): "no '${unknownProfile}' in build.log"
assert log.contains('2 errors; nothing was written')
assert log.count('BUILD FAILURE') == 2: 'both kubeai:check and kubeai:generate must fail'
// A user's mistake is a clean failure: no stack trace.
assert !log.contains('\tat io.kubeai.'): 'a stack trace was printed for a mistake in the specs'
assert !new File(basedir, 'rendered').exists(): 'kubeai:generate wrote output despite errors'
return true
