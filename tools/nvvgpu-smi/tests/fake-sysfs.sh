#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/fake-sysfs.sh PATH/TO/nvvgpu-smi
#
# Every command of nvvgpu-smi on the host, against a fake sysfs tree laid
# out as the kernel's (--root): two pgpus, one with a scheduler, three
# vGPU types and three vGPUs, the other with types only. Each run is under
# valgrind when $VALGRIND names it (a leak or memory error fails the
# check). Prints "fake-sysfs: N passed, N failed".
set -u

SMI=$(realpath "$1")
VALGRIND=${VALGRIND-}
TMP=$(mktemp -d /tmp/nvvgpu-smi-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
R=$TMP/sys
PASS=0
FAIL=0

ok() { PASS=$((PASS + 1)); }
not_ok() {
	FAIL=$((FAIL + 1))
	echo "not ok - $*"
	sed 's/^/#   /' "$TMP/out" "$TMP/err" | head -20
}
# check WHAT COMMAND...: a shell condition
check() {
	local what=$1
	shift
	if "$@"; then ok; else not_ok "$what"; fi
}
# smi STATUS ARGS...: run nvvgpu-smi, output in $TMP/out and $TMP/err;
# passes if it exits STATUS
smi() {
	local want=$1 rc
	shift
	if [[ -n $VALGRIND ]]; then
		"$VALGRIND" -q --leak-check=full --errors-for-leak-kinds=all \
			--error-exitcode=99 "$SMI" --root "$R" "$@" \
			>"$TMP/out" 2>"$TMP/err"
	else
		"$SMI" --root "$R" "$@" >"$TMP/out" 2>"$TMP/err"
	fi
	rc=$?
	if [[ $rc == "$want" ]]; then
		ok
	else
		not_ok "nvvgpu-smi $* exited $rc, not $want"
	fi
}
json_ok() { python3 -m json.tool "$TMP/out" >/dev/null 2>&1; }
jqv() { jq -r "$1" "$TMP/out"; }

U1=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000001
U2=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000002
U3=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000003
UX=3b9e61f4-0d7a-4c58-b2e1-5c4ed00000ff

# a 256-byte log line: the text padded with spaces, then a newline
logline() { printf '%-255s\n' "$*"; }

mkdir -p "$R/bus/auxiliary/devices" "$R/bus/mdev/devices" \
	"$R/bus/platform/drivers/nvvgpu_sim" \
	"$R/bus/auxiliary/drivers/nvvgpu_vfio.vfio" \
	"$R/bus/auxiliary/drivers/nvvgpu_drm.drm"

echo "# not loaded, then no pgpu"
smi 9 list
check "the not-loaded error names nvvgpu_core" grep -q "not loaded.*module/nvvgpu_core" "$TMP/err"
check "and prints nothing on stdout" test ! -s "$TMP/out"
mkdir -p "$R/module/nvvgpu_core"
smi 6 list --json
check "no pgpu: says so" grep -q "no physical GPU" "$TMP/err"

mkpgpu() {
	local n=$1 d=$R/devices/platform/nvvgpu_sim.$1
	mkdir -p "$d/nvvgpu_core.vfio.$n/mdev_supported_types" "$d/nvvgpu_core.drm.$n"
	ln -s ../../../bus/platform "$d/subsystem"
	ln -s ../../../bus/platform/drivers/nvvgpu_sim "$d/driver"
	ln -s ../../../../bus/auxiliary/drivers/nvvgpu_vfio.vfio "$d/nvvgpu_core.vfio.$n/driver"
	ln -s "../../../devices/platform/nvvgpu_sim.$n/nvvgpu_core.vfio.$n" \
		"$R/bus/auxiliary/devices/nvvgpu_core.vfio.$n"
	ln -s "../../../devices/platform/nvvgpu_sim.$n/nvvgpu_core.drm.$n" \
		"$R/bus/auxiliary/devices/nvvgpu_core.drm.$n"
}
mktype() {
	local t=$R/devices/platform/nvvgpu_sim.$1/nvvgpu_core.vfio.$1/mdev_supported_types/nvvgpu_vfio-$2
	mkdir -p "$t/devices"
	echo "$3" >"$t/name"
	echo "class=$4, framebuffer=$5M, max_instance=$6, bar1=256M, channels=$7, device=10de:2236, subsystem=10de:1681" >"$t/description"
	echo "$8" >"$t/available_instances"
	echo vfio-pci >"$t/device_api"
}
mkvgpu() {
	local p=$R/devices/platform/nvvgpu_sim.0/nvvgpu_core.vfio.0 u=$1
	mkdir -p "$p/$u/nvvgpu"
	ln -s "../mdev_supported_types/nvvgpu_vfio-$2" "$p/$u/mdev_type"
	ln -s "../../../devices/platform/nvvgpu_sim.0/nvvgpu_core.vfio.0/$u" "$R/bus/mdev/devices/$u"
	echo "$3" >"$p/$u/nvvgpu/vgpu_id"
	echo "$2" >"$p/$u/nvvgpu/type_id"
	echo "$4" >"$p/$u/nvvgpu/state"
	echo 1 >"$p/$u/nvvgpu/weight"
	echo 0 >"$p/$u/nvvgpu/exec_quantum_us"
	echo 0 >"$p/$u/nvvgpu/preempt_timeout_us"
	echo 17 >"$p/$u/nvvgpu/irqs_delivered"
	echo 0 >"$p/$u/nvvgpu/channel_errors"
	echo "$5" >"$p/$u/nvvgpu/owner_pid"
	printf 'policy best_effort\nslices %s\ngranted_ns 2000000\nwait_ns 5\nidle_ns 0\npreemptions 1\npreempt_ns 3\npreempt_timeouts 0\ngr0_busy_ns %s\ngr0_jobs 12\ngr0_ctxsw_ns 4\nce0_busy_ns 0\nce0_jobs 0\nce0_ctxsw_ns 0\nce1_busy_ns 0\nce1_jobs 0\nce1_ctxsw_ns 0\n' \
		"$3" "$6" >"$p/$u/nvvgpu/sched_stats"
}

mkpgpu 0
mkpgpu 1
ln -s ../../../../bus/auxiliary/drivers/nvvgpu_drm.drm \
	"$R/devices/platform/nvvgpu_sim.0/nvvgpu_core.drm.0/driver"
mktype 0 941 NVS-2Q Quadro 2048 8 64 5
mktype 0 942 NVS-4Q Quadro 4096 4 64 0
mktype 0 950 NVS-8C Compute 8192 2 128 1
mktype 1 941 NVS-2Q Quadro 2048 8 64 8
mkvgpu "$U2" 941 1 booted 0 2000
mkvgpu "$U1" 941 0 running $$ 1000
mkvgpu "$U3" 950 2 stopped 0 0
S=$R/devices/platform/nvvgpu_sim.0/nvvgpu_sched
mkdir -p "$S"
echo best_effort >"$S/policy"
echo "best_effort equal_share fixed_share weighted arr" >"$S/available_policies"
echo 2000 >"$S/timeslice_us"
echo 33 >"$S/arr_avg_factor"
echo 500 >"$S/arr_frequency"
echo 1000 >"$S/arr_timeslice_min_us"
echo 10000 >"$S/arr_timeslice_max_us"
echo 1 >"$S/host_weight"
echo 1234 >"$S/switches"
P=$R/devices/platform/nvvgpu_sim.0/nvvgpu_providers
mkdir -p "$P"
echo "[gsp]" >"$P/transport"
echo "[mm]" >"$P/partition"
echo "[timeslice] firmware" >"$P/scheduler"
touch "$S/bulk_weight" "$S/bulk_exec_quantum_us" "$S/bulk_preempt_timeout_us"
# a read() returns 16 lines: the second read begins with two lines the
# first one returned (the log moved in between), which are dropped; the
# same line twice within a read is two entries
{
	logline "# engine timestamp_ns time_run_total_ns time_run_ns swrl_id vgpu target_slice_ns cumulative_preemption_ns cumulative_idle_ns weight"
	for ts in 100 200 300 400 500 600 700 800 900 1000 1100 1200 1300 1400 1400; do
		logline "gr0 $ts $((ts * 10)) 1000 1 0 2000000 0 0 1"
	done
	logline "gr0 1300 13000 1000 1 0 2000000 0 0 1"
	logline "gr0 1400 14000 1000 1 0 2000000 0 0 1"
	logline "gr0 1500 15000 1000 2 1 2000000 0 0 1"
	logline "ce0 100 0 0 1 0 2000000 0 0 1"
	logline "ce0 200 0 0 2 1 2000000 0 0 1"
	logline "ce0 300 500 500 0 -1 2000000 0 0 1"
	logline "ce0 400 0 0 0 -2 2000000 0 0 1"
} >"$S/log"

echo "# list"
smi 0
check "list is the default: both pgpus" grep -q "nvvgpu_sim.1" "$TMP/out"
check "and the vGPUs, by id" test "$(grep -o '5c4ed000000[0-9]' "$TMP/out" | tr '\n' ' ')" = "5c4ed0000001 5c4ed0000002 5c4ed0000003 "
check "the owner's name from /proc" grep -q "$U1 .* $$ *$(cat /proc/$$/comm)" "$TMP/out"
smi 0 list --json
check "JSON parses" json_ok
check "two pgpus, three vGPUs" test "$(jqv '[(.pgpus | length), (.vgpus | length)] | join(" ")')" = "2 3"
check "pgpu 0: platform, vfio, drm, best_effort, 3 types, 3 vGPUs" \
	test "$(jqv '.pgpus[0] | [.device, .bus, .driver, .vfio, .drm, .policy, .types, .vgpus] | join(" ")')" = \
	"nvvgpu_sim.0 platform nvvgpu_sim true true best_effort 3 3"
check "pgpu 1: no drm, no scheduler" test "$(jqv '.pgpus[1] | [.drm, .policy] | tostring')" = '[false,null]'
check "pgpu 0's providers" test "$(jqv '.pgpus[0] | [.transport, .partition, .scheduler] | join(" ")')" = "gsp mm timeslice"
check "pgpu 1: none known" test "$(jqv '.pgpus[1] | [.transport, .partition, .scheduler] | tostring')" = '[null,null,null]'
check "vGPU 0: type, FB, channels, state, owner" \
	test "$(jqv '.vgpus[0] | [.uuid, .type_id, .type, .fb_mib, .channels, .state, .owner_pid] | join(" ")')" = \
	"$U1 941 NVS-2Q 2048 64 running $$"
smi 0 -f csv list
check "CSV: a header and one line per vGPU" test "$(wc -l <"$TMP/out")" = 4
check "CSV header" test "$(head -1 "$TMP/out")" = "pgpu,vgpu,uuid,type_id,type,fb_mib,channels,state,owner_pid,owner"
check "CSV row" grep -qx "0,2,$U3,950,NVS-8C,8192,128,stopped,0," "$TMP/out"
smi 0 list -i 1 --json
check "-i 1: one pgpu, no vGPU" test "$(jqv '[(.pgpus | length), (.vgpus | length)] | join(" ")')" = "1 0"
smi 0 list -i 1 --csv
check "CSV without a vGPU: the header alone" test "$(cat "$TMP/out")" = "pgpu,vgpu,uuid,type_id,type,fb_mib,channels,state,owner_pid,owner"

echo "# query"
smi 0 query "$U1" --json --sample-ms 20
check "JSON parses" json_ok
check "one vGPU, its figures" \
	test "$(jqv '.vgpus[] | [.uuid, .class, .fb_mib, .bar1_mib, .channels, .state, .irqs_delivered, .slices, .gr0_busy_ns, .gr0_jobs, .ce1_ctxsw_ns, .policy] | join(" ")')" = \
	"$U1 Quadro 2048 256 64 running 17 0 1000 12 0 best_effort"
check "utilization of a still vGPU: 0" test "$(jqv '.vgpus[0] | [.sample_ms, .granted_pct, .gr0_pct, .ce0_pct] | join(" ")')" = "20 0 0 0"
smi 0 query --csv --sample-ms 0
check "CSV: all three" test "$(wc -l <"$TMP/out")" = 4
check "no sample: no utilization" grep -q ",0,,,,$" "$TMP/out"
smi 0 query "$U3"
check "text: key : value" grep -q "^fb_mib  *: 8192$" "$TMP/out"
smi 6 query "$UX"
check "an unknown vGPU is named" grep -q "no vGPU $UX" "$TMP/err"
smi 6 query -i 1 "$U1"
smi 6 query -i 7

echo "# types"
smi 0 types --json
check "JSON parses" json_ok
check "four types in all" test "$(jqv '.types | length')" = 4
check "NVS-8C on pgpu 0: 1 available, 1 in use" \
	test "$(jqv '.types[] | select(.pgpu == 0 and .type_id == 950) | [.name, .class, .fb_mib, .max_instances, .channels, .available_instances, .vgpus] | join(" ")')" = \
	"NVS-8C Compute 8192 2 128 1 1"
smi 0 types --creatable -i 0 --csv
check "--creatable leaves out NVS-4Q (0 available)" test "$(cut -d, -f2 "$TMP/out" | tr '\n' ' ')" = "type_id 941 950 "
hdr=$(head -1 "$TMP/out")
echo 0 >"$R/devices/platform/nvvgpu_sim.1/nvvgpu_core.vfio.1/mdev_supported_types/nvvgpu_vfio-941/available_instances"
smi 0 types --creatable -i 1 --csv
check "none creatable: the header alone" test "$(cat "$TMP/out")" = "$hdr"
echo 8 >"$R/devices/platform/nvvgpu_sim.1/nvvgpu_core.vfio.1/mdev_supported_types/nvvgpu_vfio-941/available_instances"

echo "# sched"
smi 0 sched
check "text shows the policy" grep -q "^policy  *: best_effort$" "$TMP/out"
smi 0 sched --json
check "JSON parses" json_ok
check "the pgpu's settings" \
	test "$(jqv '.pgpus[0] | [.pgpu, .policy, .timeslice_us, .arr_avg_factor, .arr_frequency, .arr_timeslice_min_us, .arr_timeslice_max_us, .host_weight, .switches] | join(" ")')" = \
	"0 best_effort 2000 33 500 1000 10000 1 1234"
check "and its vGPUs' weights" test "$(jqv '[.vgpus[].weight] | join(" ")')" = "1 1 1"
smi 3 sched -i 1
check "no scheduler on pgpu 1" grep -q "pgpu 1 has no scheduler" "$TMP/err"

echo "# log"
smi 0 log --json
check "JSON parses" json_ok
check "20 entries, the two repeated across reads dropped" test "$(jqv '.log | length')" = 20
check "GR0's last four" test "$(jqv '[.log[12:16][].timestamp_ns] | join(" ")')" = "1300 1400 1400 1500"
check "entities: the vGPU's UUID, host, vacant" \
	test "$(jqv '[.log[15:][].entity] | join(" ")')" = "$U2 $U1 $U2 host vacant"
smi 0 log -e ce0 --csv
check "-e ce0: header and four lines" test "$(wc -l <"$TMP/out")" = 5
check "columns in the order of the sysfs file" \
	test "$(head -1 "$TMP/out")" = "pgpu,engine,timestamp_ns,time_run_total_ns,time_run_ns,swrl_id,vgpu,target_slice_ns,cumulative_preemption_ns,cumulative_idle_ns,weight,entity"
smi 6 log -e nvdec0
check "an unknown engine is named" grep -q "no engine nvdec0" "$TMP/err"

echo "# set"
smi 0 set -i 0 timeslice_us=4000 policy=weighted host_weight=3
check "written" test "$(cat "$S/timeslice_us") $(cat "$S/policy") $(cat "$S/host_weight")" = "4000 weighted 3"
check "and shown" grep -q "pgpu 0 *policy *weighted" "$TMP/out"
smi 0 set "$U2" weight=7 exec_quantum_us=5000 --json
check "JSON parses" json_ok
check "vGPU settings written" \
	test "$(cat "$R/bus/mdev/devices/$U2/nvvgpu/weight") $(cat "$R/bus/mdev/devices/$U2/nvvgpu/exec_quantum_us")" = "7 5000"
smi 0 set weight=2
check "without -i nor UUID: each pgpu's bulk_weight" test "$(cat "$S/bulk_weight")" = 2
smi 2 set "$U1" policy=arr
check "policy with a UUID: usage" grep -q "^Usage:" "$TMP/err"
smi 2 set -i 0 "$U1" weight=3
smi 2 set -i 0 policy=fair
check "an unknown policy is named" grep -q "no policy 'fair'" "$TMP/err"
smi 2 set -i 0 timeslice_us=2ms
smi 2 set -i 0 timeslice=1
smi 2 set -i 0 weight=1 weight=2
smi 2 set -i 0
smi 3 set -i 1 timeslice_us=1000
# a write that fails: bulk_weight is never read, so it may be a directory
rm "$S/bulk_weight" && mkdir "$S/bulk_weight"
smi 1 set -i 0 timeslice_us=3000 weight=2
check "a refused write is named" grep -q "weight=2 refused: Is a directory" "$TMP/err"
check "what was set before it is shown" grep -q "timeslice_us *3000" "$TMP/out"
rmdir "$S/bulk_weight" && touch "$S/bulk_weight"

echo "# monitor"
smi 0 monitor -l 0.05 -c 2 --json
check "JSON parses" json_ok
check "two reports of three vGPUs" test "$(jqv '.utilization | length')" = 6
check "with engines' shares" test "$(jqv '.utilization[0] | [.gr0_pct, .ce1_pct, .granted_pct, .gr0_busy_ns] | join(" ")')" = "0 0 0 0"
smi 0 monitor -l 0.05 -c 1 --csv "$U3"
check "CSV: one vGPU" test "$(wc -l <"$TMP/out")" = 2
smi 0 monitor -l 0.05 -c 1
check "text: a header" grep -q "^TIME_S  *PGPU  *VGPU  *UUID" "$TMP/out"
# SIGTERM ends it with its JSON closed, also when its reports fall behind
# (a scan, under valgrind, takes longer than 10 ms)
# shellcheck disable=SC2086
${VALGRIND:+$VALGRIND -q --error-exitcode=99} "$SMI" --root "$R" monitor --json -l 0.01 \
	>"$TMP/out" 2>"$TMP/err" &
pid=$!
# once it reports, it has blocked the signal it waits for
for _ in $(seq 100); do grep -q time_s "$TMP/out" && break; sleep 0.1; done
kill -TERM $pid
for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then
	kill -KILL $pid
	not_ok "SIGTERM did not end the monitor"
else
	ok
fi
rc=0
wait $pid || rc=$?
check "SIGTERM: status 0 ($rc)" test $rc = 0
check "SIGTERM: the JSON is closed" json_ok
check "text: no raw interval" bash -c "! grep -q INTERVAL_NS '$TMP/out'"

echo "# a pgpu on a PCI function: the mdev parent is the PCI device"
D=$R/devices/pci0000:00/0000:00:04.0
mkdir -p "$D/nvvgpu_core.vfio.2" "$R/bus/pci/drivers/nvvgpu_sim"
ln -s ../../../bus/pci "$D/subsystem"
ln -s ../../../bus/pci/drivers/nvvgpu_sim "$D/driver"
ln -s ../../../../bus/auxiliary/drivers/nvvgpu_vfio.vfio "$D/nvvgpu_core.vfio.2/driver"
ln -s ../../../devices/pci0000:00/0000:00:04.0/nvvgpu_core.vfio.2 \
	"$R/bus/auxiliary/devices/nvvgpu_core.vfio.2"
T=$D/mdev_supported_types/nvvgpu_sim-1150
mkdir -p "$T/devices"
echo "NVIDIA L40S-1Q" >"$T/name"
echo "class=Quadro, framebuffer=1024M, max_instance=32, bar1=256M, channels=64, device=10de:26b9, subsystem=10de:1874" >"$T/description"
echo 31 >"$T/available_instances"
echo vfio-pci >"$T/device_api"
U4=3b9e61f4-0d7a-4c58-b2e1-5c4ed0000004
mkdir -p "$D/$U4/nvvgpu"
ln -s ../mdev_supported_types/nvvgpu_sim-1150 "$D/$U4/mdev_type"
echo 7 >"$D/$U4/nvvgpu/vgpu_id"
echo 1150 >"$D/$U4/nvvgpu/type_id"
echo booted >"$D/$U4/nvvgpu/state"
for f in weight exec_quantum_us preempt_timeout_us owner_pid; do
	echo 0 >"$D/$U4/nvvgpu/$f"
done
smi 0 -i 2 types --json
check "PCI: the type under the PCI device" \
	test "$(jqv '.types[] | select(.type_id == 1150) | .name')" = "NVIDIA L40S-1Q"
smi 0 -i 2 list
check "PCI: the pgpu's address and its vGPU" \
	grep -q "0000:00:04.0" "$TMP/out"
check "PCI: its vGPU" grep -q "$U4" "$TMP/out"
# nvvgpu_vfio unbound: its parent is gone, whatever is left under the device
rm "$D/nvvgpu_core.vfio.2/driver"
smi 3 -i 2 types --json
check "PCI: no type without nvvgpu_vfio bound" \
	grep -q "nvvgpu_vfio is not bound" "$TMP/err"
rm -rf "$D" "$R/bus/auxiliary/devices/nvvgpu_core.vfio.2"

echo "# bad arguments: usage on stderr, status 2"
for args in "frobnicate" "-x" "--nope" "list extra" "query not-a-uuid" \
	    "monitor -l 0" "monitor -l x" "monitor -c 0" "monitor -c" \
	    "list -e gr0" "list -l 1" "types --sample-ms 5" "-f yaml list" \
	    "-i -1 list" "-i" "query --sample-ms 60001" "log -e ''"; do
	# shellcheck disable=SC2086
	eval "smi 2 $args"
	check "'$args': usage on stderr" grep -q "^Usage: nvvgpu-smi" "$TMP/err"
	check "'$args': nothing on stdout" test ! -s "$TMP/out"
done
smi 0 --help
check "--help: usage on stdout" grep -q "^Usage: nvvgpu-smi" "$TMP/out"
smi 0 -V

echo "fake-sysfs: $PASS passed, $FAIL failed"
[[ $FAIL == 0 ]]
