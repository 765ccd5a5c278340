#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/nvvgpu-smi on the real stack: two simulated GPUs, four vGPUs (three
# on pgpu 0 of two types, one on pgpu 1), one of them at work under
# nvvgpu-work. Every command's figures are compared with what sysfs says:
# list (text, CSV with its header and one line per vGPU, JSON), query
# (type, FB, channels, state, the owning process, settings, sched_stats,
# utilization), types (--creatable too), sched, set (pgpu and vGPU
# settings, bulk settings, ARR's window moved both ways, a value the kernel
# refuses), log (the sysfs log's entries, one engine), monitor (per-report
# shares consistent with the engine time, which the sysfs counters bound;
# ended by SIGTERM with its JSON closed). Every JSON output parses
# (jq). Bad arguments exit 2 with the usage on stderr;
# before the modules are loaded and after they are unloaded the tool says
# they are not loaded (exit 9); without nvvgpu_vfio or nvvgpu_sched, types
# and sched say what is missing (exit 3). Snapshots use shell builtins:
# every process started in the VM costs about a second.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "smi: run me in the VM (scripts/vm-run)"; exit 2; }

SMI=$NV_MODDIR/tools/nvvgpu-smi
WORK=$NV_MODDIR/tools/nvvgpu-work
MD=/sys/bus/mdev/devices
A0=/sys/bus/auxiliary/devices/nvvgpu_core.vfio.0
A1=/sys/bus/auxiliary/devices/nvvgpu_core.vfio.1
S0=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
U1=5a1c0de0-7e57-4c11-9000-00000000a001
U2=5a1c0de0-7e57-4c11-9000-00000000a002
U3=5a1c0de0-7e57-4c11-9000-00000000a003
U4=5a1c0de0-7e57-4c11-9000-00000000a004
UX=5a1c0de0-7e57-4c11-9000-00000000afff
OUT=${NVVGPU_VM_OUT:-/tmp}/smi
mkdir -p "$OUT"
T_START=${EPOCHREALTIME/./}
section() { echo "# $* ($(((${EPOCHREALTIME/./} - T_START) / 1000000)) s)"; }

# nap SECONDS: sleep without starting a process (a read on a pipe nobody
# writes to)
exec {NAPFD}<> <(:)
nap() { read -r -t "$1" -u "$NAPFD" _ || :; }
# rd FILE: its first line into REPLY
rd() { REPLY=; IFS= read -r REPLY <"$1" || :; }
# has FILE TEXT: FILE contains TEXT. Files are read with mapfile: read
# -d reads a byte per system call, and $OUT may be on 9p.
has() {
	local IFS=$'\n' t
	[[ -f $1 ]] || return 1
	mapfile -t t <"$1"
	[[ $'\n'"${t[*]}"$'\n' == *"$2"* ]]
}
show() { local l; while IFS= read -r l; do printf '#   %s\n' "$l"; done <"$1"; }
# sget UUID KEY: one line of a vGPU's sched_stats into REPLY
sget() {
	local k v
	REPLY=
	while read -r k v; do
		[[ $k == "$2" ]] && REPLY=$v
	done <"$MD/$1/nvvgpu/sched_stats"
}
# dget DESCRIPTION KEY: a key of an mdev type's description into REPLY
dget() {
	REPLY=
	[[ ", $1," =~ ,\ $2=([^,]*), ]] && REPLY=${BASH_REMATCH[1]%M}
}

# ck DESCRIPTION COMMAND...: nv_check for builtins and functions, without
# its subshell
ck() {
	local what=$1
	shift
	if "$@"; then
		nv_ok "$what"
	else
		nv_not_ok "$what"
		printf '#   cmd: %.300s\n' "$*"
	fi
}

# smi RC NAME ARGS...: run nvvgpu-smi; stdout in $OUT/NAME.out, stderr in
# $OUT/NAME.err. One check: it exits RC.
smi() {
	local want=$1 name=$2 rc=0 t0=${EPOCHREALTIME/./}
	shift 2
	"$SMI" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || rc=$?
	if [[ $rc == "$want" ]]; then
		nv_ok "nvvgpu-smi $* exits $want ($(((${EPOCHREALTIME/./} - t0) / 1000)) ms)"
	else
		nv_not_ok "nvvgpu-smi $* exits $rc, not $want"
		show "$OUT/$name.err"
	fi
}

# csv FILE: COLS maps the header's names to indexes, ROWS has the lines
declare -A COLS
csv() {
	local i IFS=,
	local -a f
	COLS=()
	mapfile -t ROWS <"$1"
	HEADER=${ROWS[0]-}
	ROWS=("${ROWS[@]:1}")
	# shellcheck disable=SC2206
	f=($HEADER)
	for i in "${!f[@]}"; do COLS[${f[i]}]=$i; done
}
# col LINE KEY: the field KEY of a CSV line into REPLY (no field of ours
# has a comma, a quote or a wildcard)
col() {
	local IFS=,
	local -a f
	REPLY="<no $2>"
	[[ -n ${COLS[$2]-} ]] || return 1
	# shellcheck disable=SC2206
	f=($1)
	REPLY=${f[${COLS[$2]}]-}
}
# cols LINE KEY...: the fields, space separated, into REPLY
cols() {
	local line=$1 k s=
	shift
	for k; do
		col "$line" "$k"
		s+="${s:+ }$REPLY"
	done
	REPLY=$s
}
# row KEY VALUE: the first row whose KEY is VALUE into REPLY
row() {
	local r
	for r in "${ROWS[@]}"; do
		col "$r" "$1"
		[[ $REPLY == "$2" ]] && { REPLY=$r; return 0; }
	done
	REPLY=
	return 1
}

# what sysfs says of a vGPU, as list's columns: vgpu type_id type fb_mib
# channels state owner_pid
sysfs_vgpu() {
	local d=$MD/$1/nvvgpu s
	rd "$d/vgpu_id"; s=$REPLY
	rd "$d/type_id"; s+=" $REPLY"
	rd "$MD/$1/mdev_type/name"; s+=" $REPLY"
	rd "$MD/$1/mdev_type/description"
	local desc=$REPLY
	dget "$desc" framebuffer; s+=" $REPLY"
	dget "$desc" channels; s+=" $REPLY"
	rd "$d/state"; s+=" $REPLY"
	rd "$d/owner_pid"; s+=" $REPLY"
	REPLY=$s
}

section "before the modules are loaded"
ck "the tool is built" test -x "$SMI"
smi 9 notloaded list
ck "it says the modules are not loaded" has "$OUT/notloaded.err" "modules are not loaded: no /sys/module/nvvgpu_core"
ck "and prints nothing on stdout" test ! -s "$OUT/notloaded.out"

for m in core sim gsp mm sched vfio; do
	args=()
	[[ $m == sim ]] && args=(num_gpus=2)
	nv_check "load $m" nv_load $m "${args[@]}"
done

# the type of pgpu 0 with the most instances, and another with one left
T1='' T2='' max=-1
for t in "$A0"/mdev_supported_types/nvvgpu_vfio-*; do
	rd "$t/available_instances"
	((REPLY > max)) && max=$REPLY T1=$t
done
for t in "$A0"/mdev_supported_types/nvvgpu_vfio-*; do
	rd "$t/available_instances"
	[[ $t != "$T1" ]] && ((REPLY >= 1)) && { T2=$t; break; }
done
ck "pgpu 0 has two types to create (${T1##*/}, ${T2##*/})" test -n "$T1" -a -n "$T2"
ck "create vGPU 1 (${T1##*/})" nv_write "$T1/create" "$U1"
ck "create vGPU 2 (${T1##*/})" nv_write "$T1/create" "$U2"
ck "create vGPU 3 (${T2##*/})" nv_write "$T2/create" "$U3"
ck "create vGPU 4 on pgpu 1" nv_write "$A1/mdev_supported_types/${T1##*/}/create" "$U4"
# settings that are not the defaults, for query and sched to show
ck "vGPU 2 weight 5 (sysfs)" nv_write "$MD/$U2/nvvgpu/weight" 5
ck "vGPU 3 exec_quantum_us 3000 (sysfs)" nv_write "$MD/$U3/nvvgpu/exec_quantum_us" 3000

# vGPU 1 at work, as a guest would keep it: half of GR0's time
sget "$U1" gr0_jobs; j0=$REPLY
"$WORK" "$U1" --compute-ns 1000000 --duty 50 --seconds 600 --timeout-ms 60000 >"$OUT/work.txt" 2>&1 &
PW=$!
started() {
	local t0=${EPOCHREALTIME%.*}
	while ((${EPOCHREALTIME%.*} - t0 < 60)); do
		nap 0.3
		sget "$U1" gr0_jobs
		((REPLY > j0)) && return 0
	done
	return 1
}
ck "vGPU 1 at work (nvvgpu-work, pid $PW)" started

section "list"
smi 0 list-text list
for u in "$U1" "$U2" "$U3" "$U4"; do
	ck "text: vGPU ${u: -1} listed" has "$OUT/list-text.out" "$u"
done
ck "text: the pgpus' table" has "$OUT/list-text.out" "PGPU  DEVICE"
smi 0 list-csv --csv list
csv "$OUT/list-csv.out"
ck "CSV header" test "$HEADER" = "pgpu,vgpu,uuid,type_id,type,fb_mib,channels,state,owner_pid,owner"
ck "CSV: one line per vGPU (${#ROWS[@]})" test "${#ROWS[@]}" = 4
for u in "$U1" "$U2" "$U3" "$U4"; do
	row uuid "$u"
	cols "$REPLY" vgpu type_id type fb_mib channels state owner_pid
	cli=$REPLY
	sysfs_vgpu "$u"
	ck "vGPU ${u: -1}: '$cli' as sysfs says" test "$cli" = "$REPLY"
done
row uuid "$U1"
cols "$REPLY" state owner_pid owner
ck "vGPU 1 is running, owned by nvvgpu-work ($REPLY)" test "$REPLY" = "running $PW nvvgpu-work"
row uuid "$U4"; col "$REPLY" pgpu
ck "vGPU 4 is on pgpu 1" test "$REPLY" = 1
smi 0 list-json --json list
# the providers pgpu 0 runs, the bracketed names of nvvgpu_providers/
PROV=
for k in transport partition scheduler; do
	rd "/sys/devices/platform/nvvgpu_sim.0/nvvgpu_providers/$k"
	[[ $REPLY =~ \[([^]]*)\] ]] && REPLY=${BASH_REMATCH[1]}
	PROV+="${PROV:+ }$REPLY"
done
smi 0 list-i1 --csv -i 1 list
csv "$OUT/list-i1.out"
row uuid "$U4"
ck "-i 1: vGPU 4 alone" test "${#ROWS[@]}" = 1 -a -n "$REPLY"

section "query"
sget "$U1" gr0_jobs; jobs0=$REPLY
rd "$MD/$U1/nvvgpu/irqs_delivered"; irq0=$REPLY
smi 0 query --csv --sample-ms 500 query
sget "$U1" gr0_jobs; jobs1=$REPLY
rd "$MD/$U1/nvvgpu/irqs_delivered"; irq1=$REPLY
csv "$OUT/query.out"
ck "CSV: one line per vGPU (${#ROWS[@]})" test "${#ROWS[@]}" = 4
ck "the simulated GPU's engines are columns" \
	test -n "${COLS[gr0_busy_ns]-}" -a -n "${COLS[ce0_pct]-}" -a -n "${COLS[ce1_jobs]-}"
for u in "$U1" "$U2" "$U3" "$U4"; do
	row uuid "$u"
	r=$REPLY
	cols "$r" vgpu type_id type fb_mib channels state owner_pid
	cli=$REPLY
	sysfs_vgpu "$u"
	ck "vGPU ${u: -1}: '$cli' as sysfs says" test "$cli" = "$REPLY"
	cols "$r" class bar1_mib weight exec_quantum_us preempt_timeout_us
	cli=$REPLY
	rd "$MD/$u/mdev_type/description"; desc=$REPLY
	dget "$desc" class; s=$REPLY
	dget "$desc" bar1; s+=" $REPLY"
	for k in weight exec_quantum_us preempt_timeout_us; do
		rd "$MD/$u/nvvgpu/$k"; s+=" $REPLY"
	done
	ck "vGPU ${u: -1}: class, BAR1 and settings '$cli' as sysfs says" test "$cli" = "$s"
done
for u in "$U2" "$U3" "$U4"; do
	row uuid "$u"
	r=$REPLY
	cols "$r" policy slices granted_ns wait_ns idle_ns preemptions gr0_busy_ns gr0_jobs ce0_busy_ns ce1_ctxsw_ns
	cli=$REPLY
	s=
	for k in policy slices granted_ns wait_ns idle_ns preemptions gr0_busy_ns gr0_jobs ce0_busy_ns ce1_ctxsw_ns; do
		sget "$u" "$k"
		s+="${s:+ }$REPLY"
	done
	ck "idle vGPU ${u: -1}: sched_stats '$cli' as sysfs says" test "$cli" = "$s"
	cols "$r" sample_ms granted_pct gr0_pct ce0_pct
	ck "idle vGPU ${u: -1}: no utilization ($REPLY)" test "$REPLY" = "500 0.0 0.0 0.0"
done
row uuid "$U1"
r=$REPLY
col "$r" gr0_jobs
ck "busy vGPU 1: GR0 jobs between sysfs before and after ($jobs0 <= $REPLY <= $jobs1)" \
	test "$jobs0" -le "$REPLY" -a "$REPLY" -le "$jobs1"
col "$r" irqs_delivered
ck "busy vGPU 1: interrupts between sysfs before and after ($irq0 <= $REPLY <= $irq1)" \
	test "$irq0" -le "$REPLY" -a "$REPLY" -le "$irq1"
cols "$r" granted_pct gr0_pct ce0_pct
read -r gp g0 c0 <<<"$REPLY"
ck "busy vGPU 1: GR0 busy ${g0} % of 500 ms, the GPU granted ${gp} %, CE0 idle" \
	test "${g0%.*}" -ge 5 -a "${g0%.*}" -le 100 -a "${gp/./}" -gt 0 -a "$c0" = 0.0
smi 0 query-json --json --sample-ms 0 query "$U3"
smi 0 query-text query "$U1" --sample-ms 0
printf -v line '%-18s : %s' owner nvvgpu-work
ck "text: '$line'" has "$OUT/query-text.out" $'\n'"$line"$'\n'

section "types"
smi 0 types-csv --csv -i 0 types
csv "$OUT/types-csv.out"
n=0
for t in "$A0"/mdev_supported_types/nvvgpu_vfio-*; do
	n=$((n + 1))
	id=${t##*-}
	row type_id "$id"
	cols "$REPLY" name class fb_mib max_instances channels available_instances vgpus
	cli=$REPLY
	rd "$t/name"; s=$REPLY
	rd "$t/description"; desc=$REPLY
	for k in class framebuffer max_instance channels; do
		dget "$desc" $k
		s+=" $REPLY"
	done
	rd "$t/available_instances"; s+=" $REPLY"
	use=0
	[[ $t == "$T1" ]] && use=2
	[[ $t == "$T2" ]] && use=1
	ck "type $id: '$cli' as sysfs says, $use in use" test "$cli" = "$s $use"
done
ck "one line per type of pgpu 0 ($n)" test "${#ROWS[@]}" = "$n"
smi 0 types-creatable --creatable --csv types
csv "$OUT/types-creatable.out"
n=0
for t in "$A0"/mdev_supported_types/nvvgpu_vfio-* "$A1"/mdev_supported_types/nvvgpu_vfio-*; do
	rd "$t/available_instances"
	((REPLY > 0)) && n=$((n + 1))
done
ck "--creatable: the $n types with an instance left, on both pgpus" test "${#ROWS[@]}" = "$n"
smi 0 types-json --json types

section "sched"
rd "$S0/switches"; sw0=$REPLY
smi 0 sched-csv --csv -i 0 sched
rd "$S0/switches"; sw1=$REPLY
csv "$OUT/sched-csv.out"
ck "one pgpu" test "${#ROWS[@]}" = 1
keys=(policy available_policies timeslice_us arr_avg_factor arr_frequency arr_timeslice_min_us arr_timeslice_max_us host_weight)
cols "${ROWS[0]-}" "${keys[@]}"
cli=$REPLY
s=
for k in "${keys[@]}"; do
	rd "$S0/$k"
	s+="${s:+ }$REPLY"
done
ck "'$cli' as sysfs says" test "$cli" = "$s"
col "${ROWS[0]-}" switches
ck "switches between sysfs before and after ($sw0 <= $REPLY <= $sw1)" \
	test "$sw0" -le "$REPLY" -a "$REPLY" -le "$sw1"
smi 0 sched-text sched
s=
while read -ra f; do
	[[ ${f[2]-} == "$U2" ]] && s="${f[*]:4:3}"
done <"$OUT/sched-text.out"
ck "text: vGPU 2's weight 5, quantum 0, timeout 0 ($s)" test "$s" = "5 0 0"
smi 0 sched-json --json sched

section "set"
smi 0 set-pgpu --csv -i 0 set policy=weighted timeslice_us=4000 host_weight=3 arr_avg_factor=10 arr_frequency=200
csv "$OUT/set-pgpu.out"
cli=
for r in "${ROWS[@]}"; do
	cols "$r" key value
	cli+="${cli:+ }${REPLY/ /=}"
done
s=
for k in policy timeslice_us host_weight arr_avg_factor arr_frequency; do
	rd "$S0/$k"
	s+="${s:+ }$k=$REPLY"
done
ck "sysfs has them: $s" test "$s" = "policy=weighted timeslice_us=4000 host_weight=3 arr_avg_factor=10 arr_frequency=200"
ck "and the tool shows what sysfs reads" test "$cli" = "$s"
smi 0 set-arr-up -i 0 set arr_timeslice_min_us=20000 arr_timeslice_max_us=30000
rd "$S0/arr_timeslice_min_us"; s=$REPLY
rd "$S0/arr_timeslice_max_us"; s+="..$REPLY"
ck "ARR's window moved above its maximum ($s)" test "$s" = 20000..30000
smi 0 set-arr-down -i 0 set arr_timeslice_max_us=5000 arr_timeslice_min_us=2000
rd "$S0/arr_timeslice_min_us"; s=$REPLY
rd "$S0/arr_timeslice_max_us"; s+="..$REPLY"
ck "and below its minimum ($s)" test "$s" = 2000..5000
smi 0 set-vgpu set "$U2" weight=7 exec_quantum_us=2500
rd "$MD/$U2/nvvgpu/weight"; s=$REPLY
rd "$MD/$U2/nvvgpu/exec_quantum_us"; s+=" $REPLY"
ck "vGPU 2's weight and quantum ($s)" test "$s" = "7 2500"
smi 0 set-bulk -i 0 set preempt_timeout_us=20000
s=
for u in "$U1" "$U2" "$U3" "$U4"; do
	rd "$MD/$u/nvvgpu/preempt_timeout_us"
	s+="${s:+ }$REPLY"
done
ck "pgpu 0's vGPUs' preemption timeout, not pgpu 1's ($s)" test "$s" = "20000 20000 20000 0"
smi 2 set-refused -i 0 set timeslice_us=50
ck "the refusal is named" has "$OUT/set-refused.err" "pgpu 0: timeslice_us=50 refused: Invalid argument"
rd "$S0/timeslice_us"
ck "the slice is still 4000 us" test "$REPLY" = 4000
smi 2 set-fair -i 0 set policy=fair
ck "an unknown policy: usage on stderr" has "$OUT/set-fair.err" "Usage: nvvgpu-smi"
rd "$S0/policy"
ck "the policy is still weighted" test "$REPLY" = weighted
smi 2 set-uuid-policy set "$U1" policy=arr
smi 0 set-json --json set "$U3" weight=2

section "monitor"
sget "$U1" gr0_busy_ns; b0=$REPLY
smi 0 monitor-csv --csv -l 0.5 -c 3 monitor
sget "$U1" gr0_busy_ns; b1=$REPLY
csv "$OUT/monitor-csv.out"
ck "CSV header" test "${HEADER%%,gr0_pct*}" = "time_s,pgpu,vgpu,uuid,state,interval_ns,slices,granted_pct"
ck "three reports of four vGPUs (${#ROWS[@]} lines)" test "${#ROWS[@]}" = 12
sum=0 ok=1 okidle=1 prev=0 why=
for r in "${ROWS[@]}"; do
	cols "$r" uuid time_s interval_ns gr0_pct gr0_busy_ns
	read -r u ts iv pct busy <<<"$REPLY"
	if [[ $u != "$U1" ]]; then
		[[ $pct == 0.0 && $busy == 0 ]] || { okidle=0; why+=" idle $u: $pct/$busy"; }
		continue
	fi
	sum=$((sum + busy))
	# the share printed is 100 * busy / interval, to 0.1 %
	want=$(((busy * 1000 + iv / 2) / iv))
	got=${pct/./}
	got=$((10#$got))
	((busy > 0 && iv > 0 && got - want <= 1 && want - got <= 1)) || { ok=0; why+=" $pct% of $iv: $busy"; }
	t=${ts/./}
	((10#$t > prev)) || { ok=0; why+=" time $ts"; }
	prev=$((10#$t))
done
ck "busy vGPU 1: each report's GR0 share is its busy time over its interval$why" test $ok = 1
ck "the idle vGPUs: 0 %" test $okidle = 1
ck "vGPU 1's GR0 time in the reports ($sum ns) within sysfs's ($((b1 - b0)) ns)" \
	test "$sum" -gt 0 -a "$sum" -le "$((b1 - b0))"
smi 0 monitor-i1 --csv -i 1 -l 0.2 -c 1 monitor
csv "$OUT/monitor-i1.out"
row uuid "$U4"
ck "-i 1: vGPU 4 alone" test "${#ROWS[@]}" = 1 -a -n "$REPLY"
smi 0 monitor-json --json -l 0.3 -c 2 monitor "$U1"
# a fast loop (its reports fall behind) ended by SIGTERM once it reports
# (it blocks the signal before), with its JSON closed
"$SMI" --json -l 0.05 monitor >"$OUT/monitor-term.out" 2>"$OUT/monitor-term.err" &
PM=$!
for _ in {1..50}; do
	has "$OUT/monitor-term.out" time_s && break
	nap 0.2
done
nap 1
kill -TERM "$PM"
for _ in {1..50}; do
	kill -0 "$PM" 2>/dev/null || break
	nap 0.2
done
kill -0 "$PM" 2>/dev/null && kill -KILL "$PM"
rc=0
wait "$PM" || rc=$?
ck "SIGTERM ends the monitor with status 0 ($rc)" test "$rc" = 0
smi 0 monitor-text -l 0.2 -c 1 monitor
ck "text: its header" has "$OUT/monitor-text.out" "TIME_S  PGPU  VGPU  UUID"

t0=${EPOCHREALTIME/./}
kill "$PW" 2>/dev/null
wait "$PW"
echo "# nvvgpu-work stopped in $(((${EPOCHREALTIME/./} - t0) / 1000)) ms"
nap 0.5

section "log"
# nothing runs: the log stays as the tool read it. Its lines as they are
# (256 bytes with the newline): bash's patterns are slow on long lines,
# only builtins that do not match patterns touch them.
smi 0 log-csv --csv -i 0 log
mapfile -t LOG <"$S0/log"
LOG=("${LOG[@]:1}")
csv "$OUT/log-csv.out"
ck "it has entries (${#LOG[@]})" test "${#LOG[@]}" -gt 0
# same A B: the arrays named A and B are equal, else the first difference
same() {
	local -n a=$1 b=$2
	local i
	[[ "${a[*]}" == "${b[*]}" ]] && return 0
	for ((i = 0; i < ${#a[@]} || i < ${#b[@]}; i++)); do
		[[ ${a[i]-} == "${b[i]-}" ]] && continue
		echo "#   $1[$i] '${a[i]-}' but $2[$i] '${b[i]-}'"
		break
	done
	return 1
}
# the tool's lines less the pgpu before and the entity after, padded as
# the sysfs file's
cli=()
for r in "${ROWS[@]}"; do
	x=${r#*,}
	x=${x%,*}
	printf -v x '%-255s' "${x//,/ }"
	cli+=("$x")
done
ck "the tool's ${#cli[@]} entries are sysfs's ${#LOG[@]}" same cli LOG
rd "$MD/$U1/nvvgpu/vgpu_id"; id1=$REPLY
ok=0 bad=0
for r in "${ROWS[@]}"; do
	cols "$r" vgpu entity
	case $REPLY in
	"$id1 $U1") ok=$((ok + 1)) ;;
	"$id1 "*) bad=$((bad + 1)) ;;
	esac
done
ck "vGPU 1's entries ($ok) name its UUID" test "$ok" -gt 0 -a "$bad" = 0
ALL=("${ROWS[@]}")
smi 0 log-gr0 --csv -i 0 -e gr0 log
csv "$OUT/log-gr0.out"
# GR0's entries come first, engine by engine
n=${#ROWS[@]}
head=("${ALL[@]:0:n}")
ck "-e gr0: the log's $n GR0 entries, nothing else" \
	test "$n" -gt 0 -a "${head[*]}" = "${ROWS[*]}" -a "${ALL[n]:0:6}" != "0,gr0," -a "${ALL[n-1]:0:6}" = "0,gr0,"
smi 6 log-nvdec -e nvdec0 log
ck "an unknown engine is named" has "$OUT/log-nvdec.err" "no engine nvdec0"
smi 0 log-json --json -e ce1 log

section "bad arguments: exit 2, the usage on stderr, nothing on stdout"
usage_only() { has "$OUT/$1.err" "Usage: nvvgpu-smi" && test ! -s "$OUT/$1.out"; }
i=0
for args in "frobnicate" "--frobnicate" "list extra" "query not-a-uuid" \
	    "monitor -l 0" "monitor -c 0" "-f yaml list" "set -i 0 nokey=1" \
	    "types -l 1"; do
	i=$((i + 1))
	read -ra a <<<"$args"
	smi 2 "bad$i" "${a[@]}"
	ck "'$args': usage on stderr, nothing on stdout" usage_only "bad$i"
done
smi 6 query-unknown query "$UX"
ck "an unknown vGPU is named" has "$OUT/query-unknown.err" "no vGPU $UX"
smi 6 list-i7 -i 7 list

section "every JSON output parses"
JSONS=(list-json query-json types-json sched-json set-json monitor-json monitor-term log-json)
FILES=()
for j in "${JSONS[@]}"; do FILES+=("$OUT/$j.out"); done
# one jq for all: NAME=ok, NAME.TABLE=rows, NAME.TABLE.0.KEY=value of the
# first row; a file that does not parse stops it there. Into a file, for
# mapfile: bash reads a pipe a byte per system call.
jq -r '(input_filename | sub(".*/"; "") | sub("[.]out$"; "")) as $n
	| "\($n)=ok",
	  (to_entries[] | .key as $t | .value as $rows
	   | "\($n).\($t)=\($rows | length)",
	     ($rows[0] // {} | to_entries[] | "\($n).\($t).0.\(.key)=\(.value)"))' \
	"${FILES[@]}" >"$OUT/jq.out" 2>"$OUT/jq.err"
declare -A J
mapfile -t lines <"$OUT/jq.out"
for line in "${lines[@]}"; do
	J[${line%%=*}]=${line#*=}
done
for j in "${JSONS[@]}"; do
	ck "$j: JSON (${J[$j]-no output})" test "${J[$j]-}" = ok
done
ck "list: 2 pgpus, 4 vGPUs" test "${J[list-json.pgpus]-}/${J[list-json.vgpus]-}" = 2/4
ck "list: pgpu 0's policy was best_effort, 3 vGPUs, vfio, no drm" \
	test "${J[list-json.pgpus.0.policy]-} ${J[list-json.pgpus.0.vgpus]-} ${J[list-json.pgpus.0.vfio]-} ${J[list-json.pgpus.0.drm]-}" = "best_effort 3 true false"
ck "list: pgpu 0 runs the providers sysfs names ($PROV)" \
	test "${J[list-json.pgpus.0.transport]-} ${J[list-json.pgpus.0.partition]-} ${J[list-json.pgpus.0.scheduler]-}" = "$PROV"
ck "list: vGPU 1 first, owned by nvvgpu-work" \
	test "${J[list-json.vgpus.0.uuid]-} ${J[list-json.vgpus.0.owner]-}" = "$U1 nvvgpu-work"
ck "query: vGPU 3's quantum, no sample, no utilization" \
	test "${J[query-json.vgpus.0.uuid]-} ${J[query-json.vgpus.0.exec_quantum_us]-} ${J[query-json.vgpus.0.sample_ms]-} ${J[query-json.vgpus.0.gr0_pct]-}" = "$U3 3000 0 null"
ck "set: vGPU 3 weight 2" \
	test "${J[set-json.set.0.target]-} ${J[set-json.set.0.key]-} ${J[set-json.set.0.value]-}" = "$U3 weight 2"
ck "monitor: 2 reports of vGPU 1" test "${J[monitor-json.utilization]-}" = 2
ck "monitor ended by SIGTERM: reports (${J[monitor-term.utilization]-0})" test "${J[monitor-term.utilization]-0}" -ge 4
ck "log -e ce1: only CE1's entries" \
	test "${J[log-json.log]-0}" -gt 0 -a "${J[log-json.log.0.engine]-}" = ce1
ck "sched: best_effort, 2000 us, before set" \
	test "${J[sched-json.pgpus.0.policy]-} ${J[sched-json.pgpus.0.timeslice_us]-}" = "best_effort 2000"

section "without nvvgpu_vfio, without nvvgpu_sched"
for u in "$U1" "$U2" "$U3" "$U4"; do
	nv_write "$MD/$u/remove" 1
done
nv_check "unload vfio" nv_unload vfio
smi 3 types-novfio types
ck "types says nvvgpu_vfio is missing" has "$OUT/types-novfio.err" "nvvgpu_vfio is not loaded"
smi 0 list-novfio --json list
ck "list still shows the pgpus, without vfio" has "$OUT/list-novfio.out" '"vfio": false'
nv_check "unload sched" nv_unload sched
smi 3 sched-nosched sched
ck "sched says nvvgpu_sched is missing" has "$OUT/sched-nosched.err" "nvvgpu_sched is not loaded"
nv_unload_all
smi 9 unloaded list
ck "after unloading: not loaded" has "$OUT/unloaded.err" "modules are not loaded"

section "smi: done"
nv_done
