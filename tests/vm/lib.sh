#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Helpers for nvvgpu VM scenarios. Source it from a script that runs inside
# the test VM (scripts/vm-run). Results are TAP-like "ok N - what" lines;
# nv_done prints the plain "N passed, N failed" line and sets the exit code.

NV_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NV_MODDIR=${NVVGPU_MODDIR:-$NV_TOP/build/vm}
NV_PASS=0
NV_FAIL=0
NV_N=0

# module short name -> .ko path
nv_ko() {
	case $1 in
	core) echo "$NV_MODDIR/core/nvvgpu_core.ko" ;;
	gsp) echo "$NV_MODDIR/gsp/nvvgpu_gsp.ko" ;;
	gsp_test) echo "$NV_MODDIR/gsp/tests/nvvgpu_gsp_test.ko" ;;
	mm) echo "$NV_MODDIR/mm/nvvgpu_mm.ko" ;;
	mm_drm) echo "$NV_MODDIR/mm/nvvgpu_mm_drm.ko" ;;
	mm_bench) echo "$NV_MODDIR/mm/tests/nvvgpu_mm_bench.ko" ;;
	sched) echo "$NV_MODDIR/sched/nvvgpu_sched.ko" ;;
	sched_fw) echo "$NV_MODDIR/sched/nvvgpu_sched_fw.ko" ;;
	sim) echo "$NV_MODDIR/sim/nvvgpu_sim.ko" ;;
	vfio) echo "$NV_MODDIR/vfio/nvvgpu_vfio.ko" ;;
	drm) echo "$NV_MODDIR/drm-bridge/nvvgpu_drm.ko" ;;
	test) echo "$NV_MODDIR/tests/nvvgpu_test.ko" ;;
	badver) echo "$NV_MODDIR/tests/nvvgpu_test_badver.ko" ;;
	*) echo "nv_ko: unknown module $1" >&2; return 1 ;;
	esac
}

nv_ok() {
	NV_N=$((NV_N + 1))
	NV_PASS=$((NV_PASS + 1))
	echo "ok $NV_N - $*"
}

nv_not_ok() {
	NV_N=$((NV_N + 1))
	NV_FAIL=$((NV_FAIL + 1))
	echo "not ok $NV_N - $*"
}

# nv_check DESCRIPTION COMMAND... : passes if the command succeeds; returns
# the verdict, so that "if nv_check ...; then" guards what depends on it
nv_check() {
	local what=$1
	shift
	local out
	if out=$("$@" 2>&1); then
		nv_ok "$what"
	else
		nv_not_ok "$what"
		printf '#   %s\n' "cmd: $*" "${out//$'\n'/$'\n#   '}"
		return 1
	fi
}

# nv_fails DESCRIPTION ERRNO_TEXT COMMAND... : passes if the command fails
# and its message contains ERRNO_TEXT (e.g. "Invalid argument")
nv_fails() {
	local what=$1 want=$2
	shift 2
	local out
	if out=$("$@" 2>&1); then
		nv_not_ok "$what (unexpectedly succeeded)"
	elif [[ $out == *"$want"* ]]; then
		nv_ok "$what"
	else
		nv_not_ok "$what (wanted '$want')"
		printf '#   %s\n' "${out//$'\n'/$'\n#   '}"
	fi
}

# nv_dmesg_has DESCRIPTION PATTERN : the kernel log since nv_mark matches
nv_mark() { NV_DMESG_MARK=$(dmesg | wc -l); }

# the kernel log since the last nv_mark
nv_since_mark() { dmesg | tail -n +"$((NV_DMESG_MARK + 1))"; }
# run a command until it succeeds, for up to 10 s (for work done by a
# work item after the write that started it)
nv_eventually() {
	local _
	for _ in $(seq 100); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}
nv_dmesg_has() {
	if dmesg | tail -n +"$((${NV_DMESG_MARK:-0} + 1))" | grep -Eq -- "$2"; then
		nv_ok "$1"
	else
		nv_not_ok "$1 (no '$2' in dmesg)"
	fi
}

# where request_firmware() looks first: the build's firmware directory,
# which holds the sim's vGPU type file (scripts/build-vm-modules). The
# kernel resolves the path from init's root: scripts/vm-init's chroot
# lives at /host there.
NV_FW_DIR=${NVVGPU_FW_DIR:-$NV_MODDIR/firmware}
nv_fw_path() {
	local p=/sys/module/firmware_class/parameters/path dir=$1
	if ! [[ /proc/1/root/. -ef / ]] && [[ -d /proc/1/root/host$dir ]]; then
		dir=/host$dir
	fi
	[[ -w $p && $(<"$p") != "$dir" ]] && printf '%s' "$dir" >"$p"
	return 0
}

# NVVGPU_FW=<release> (scripts/vm-tests --fw) loads the simulated GPU with
# that firmware release unless the scenario names one itself
nv_load() {
	local m=$1
	shift
	if [[ $m == sim ]]; then
		nv_fw_path "$NV_FW_DIR"
		if [[ -n ${NVVGPU_FW-} && " $* " != *" fw_version="* ]]; then
			set -- "$@" fw_version="$NVVGPU_FW"
			echo "# simulated GPU on GSP-RM $NVVGPU_FW"
		fi
	fi
	insmod "$(nv_ko "$m")" "$@"
}

nv_unload() { rmmod "nvvgpu_$1"; }

nv_loaded() { [[ -d /sys/module/nvvgpu_$1 ]]; }

# unload whatever of the stack is still loaded, clients first
nv_unload_all() {
	local m
	for m in test gsp_test mm_bench drm vfio sched sched_fw mm mm_drm gsp sim core; do
		nv_loaded "$m" && rmmod "nvvgpu_$m" 2>/dev/null
	done
	return 0
}

# write a value to a sysfs file; the exit status and message say why not
nv_write() { printf '%s' "$2" >"$1"; }

# the mdev type directories of all nvvgpu parents
nv_mdev_types() {
	local d
	for d in /sys/class/mdev_bus/nvvgpu_core.vfio.*/mdev_supported_types/*; do
		[[ -d $d ]] && echo "$d"
	done
}

# the type ids of pgpu N's catalogue (the core's pgpu<N>/state), sorted
nv_catalogue_ids() {
	sed -n 's/^  \([0-9][0-9]*\) .* class=.*/\1/p' \
		"/sys/kernel/debug/nvvgpu/pgpu$1/state" | sort -n
}

# the type ids nvvgpu_vfio registered as mdev types of parent directory P
# (/sys/class/mdev_bus/nvvgpu_core.vfio.<N>), sorted
nv_mdev_type_ids() {
	local d
	for d in "$1"/mdev_supported_types/nvvgpu_vfio-*; do
		[[ -d $d ]] && echo "${d##*-}"
	done | sort -n
}

# nv_not_listed ID LIST: LIST (lines) is not empty and has no line ID
nv_not_listed() { [[ -n $2 && $'\n'$2$'\n' != *$'\n'$1$'\n'* ]]; }

# nv_unknown_type_refused WHAT PARENT_DIR ID: the mdev core has a create
# file only for the types a driver registers, so a type is refused by not
# being registered. Checks that ID is outside pgpu N's catalogue, that
# nvvgpu_vfio registered exactly the catalogue's types (so nothing outside
# it), and that ID has therefore no create file to write.
nv_unknown_type_refused() {
	local what=$1 p=$2 id=$3 cat reg
	cat=$(nv_catalogue_ids "${p##*.}")
	reg=$(nv_mdev_type_ids "$p")
	nv_check "$what: $id is not in the catalogue" nv_not_listed "$id" "$cat"
	nv_check "$what: the mdev types are the catalogue's, no other (${reg//$'\n'/ })" \
		test "$reg" = "$cat"
	nv_fails "$what: so it has no create file" "No such file or directory" \
		nv_write "$p/mdev_supported_types/nvvgpu_vfio-$id/create" \
		"${4:-00000000-0000-0000-0000-000000000000}"
}

# render nodes whose parent is a simulated GPU
nv_render_nodes() {
	local n=0 r
	for r in /sys/class/drm/renderD*; do
		[[ -e $r/device ]] || continue
		[[ $(basename "$(readlink -f "$r/device")") == nvvgpu_sim* ]] && n=$((n + 1))
	done
	echo $n
}

# the mdev type with the most available instances
nv_type_most_available() {
	local t best='' n max=-1

	for t in $(nv_mdev_types); do
		n=$(cat "$t/available_instances")
		((n > max)) && max=$n && best=$t
	done
	echo "$best"
}

# nv_metric FILE KEY: one "KEY: value" metric of a tests/tools/nvvgpu-work
# report; nv_show_report FILE: the report as TAP commentary
nv_metric() { sed -n "s/^$2: //p" "$1" | head -1; }
nv_show_report() { sed 's/^/#   /' "$1"; }

nv_done() {
	echo "$NV_PASS passed, $NV_FAIL failed"
	[[ $NV_FAIL -eq 0 ]]
}
