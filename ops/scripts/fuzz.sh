#!/usr/bin/env bash
# A longer fuzzing run than CI's few seconds, with Jazzer's standalone driver on the same targets.
#   ops/scripts/fuzz.sh ingest [seconds]   the ingest decoder and event validation (gateway)
#   ops/scripts/fuzz.sh rules  [seconds]   the rule loader, compiler and evaluator (rules)
# The corpus grows in <module>/target/fuzz-corpus across runs; a finding is written into the fuzz
# test's inputs directory (src/test/resources/...Inputs/...), where every test run then replays it.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: fuzz.sh ingest|rules [seconds]}
seconds=${2:-600}
case "$target" in
  ingest) module=gateway; class=io.livemod.gateway.ingest.IngestDecoderFuzzTest
          inputs=gateway/src/test/resources/io/livemod/gateway/ingest/IngestDecoderFuzzTestInputs/batchesAreDecodedOrRefusedWithAReason
          hooks=""; includes='io.livemod.**:com.fasterxml.jackson.core.**' ;;
  rules)  module=rules; class=io.livemod.rules.RuleLoaderFuzzTest
          inputs=rules/src/test/resources/io/livemod/rules/RuleLoaderFuzzTestInputs/ruleFilesAreReadOrRefusedWithAReason
          # Pattern rules are admin-written regexes, checked by the loader: see RuleLoaderFuzzTest.
          hooks="--disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection"; includes='io.livemod.**:org.yaml.snakeyaml.**:com.fasterxml.jackson.dataformat.yaml.**' ;;
  *) echo "fuzz.sh: unknown target $target (ingest or rules)" >&2; exit 2 ;;
esac
./mvnw -q -o -pl "$module" -am test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz.cp -Dmdep.includeScope=test
corpus="$module/target/fuzz-corpus"
mkdir -p "$corpus"
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz.cp")"
exec java -Xmx1g -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$class" --instrumentation_includes="$includes" \
  $hooks -max_total_time="$seconds" -timeout=10 -artifact_prefix="$inputs/" "$corpus" "$inputs"
