#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The second partition provider, nvvgpu_mm_drm (drm_mm), on the whole
# stack inside the test VM (scripts/vm-run), and live hand-overs between it
# and nvvgpu_mm. The stack is loaded with nvvgpu_mm_drm instead of
# nvvgpu_mm; vGPUs of several types are created and removed through mdev
# sysfs (a hole reused first fit), and host channels (tests/tools/
# drm-client work) take their windows from it. Then nvvgpu_mm is loaded
# beside it and the pgpu is handed over to it while five vGPUs live and
# host channels run jobs (nvvgpu_providers/partition), a type is created
# until it is refused, and the pgpu is handed back.
#
# After every step each type's available_instances must be exactly what
# first-fit placement leaves, computed here from the provider's debugfs
# partitions and the type catalogue, and creation must stop exactly there;
# the vGPUs' FB chunks and channel ranges (debugfs pgpu state) must lie in
# their spaces without overlapping, each chunk one range of the
# provider's. A hand-over must keep every vGPU's offsets, every type's
# available_instances and the partitions file as they were, and the host
# channels must finish their work and give every window back.
set -u
. "$(dirname "$0")/lib.sh"

CLIENT=$NV_MODDIR/tools/drm-client
STATE=/sys/kernel/debug/nvvgpu/pgpu0/state
PARTS=/sys/kernel/debug/nvvgpu/pgpu0/partitions
PARENT=/sys/class/mdev_bus/nvvgpu_core.vfio.0
PROVIDERS=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_providers
MD=/sys/bus/mdev/devices
UUID_BASE=5a3c9e10-7d2b-4e6f-8c41-0000000d
TMP=$(mktemp -d /tmp/nvvgpu-mm-drm.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# the simulated L40S's types used here (tools/nvvgpu-vgpu-types/l40s.table):
# 1147 L40S-1Q 1G, 1148 L40S-2Q 2G, 1149 L40S-3Q 3G, 1150 L40S-4Q 4G,
# 1145 L40S-1B 1G, 1167 L40S-4C 4G
declare -A T_FB T_HEAP T_MAX T_CH

# uuid INDEX: U, vGPU INDEX's UUID
uuid() { printf -v U '%s%04x' "$UUID_BASE" "$1"; }

# the catalogue, from the core's state
read_catalogue() {
	local line re='^  ([0-9]+) .+ class=[^ ]+ fb=([0-9]+)M heap=([0-9]+)M max=([0-9]+) channels=([0-9]+) '

	while IFS= read -r line; do
		[[ $line =~ $re ]] || continue
		T_FB[${BASH_REMATCH[1]}]=$((BASH_REMATCH[2] << 20))
		T_HEAP[${BASH_REMATCH[1]}]=$((BASH_REMATCH[3] << 20))
		T_MAX[${BASH_REMATCH[1]}]=${BASH_REMATCH[4]}
		T_CH[${BASH_REMATCH[1]}]=${BASH_REMATCH[5]}
	done <"$STATE"
}

# Under TCG every fork and exec costs a fraction of a second: the helpers
# below use builtins only and return their results in variables.

# cap SIZE ALIGN LO HI RANGE...: CAP, how many ranges of SIZE at
# ALIGN-aligned starts first fit places in [LO, HI) around the RANGEs
# ("start+size", sorted by start), one after another from each gap's first
# aligned start
cap() {
	local size=$1 align=$2 lo=$3 hi=$4 n=0 gs r s st stride
	shift 4
	stride=$(((size + align - 1) / align * align))
	gs=$lo
	for r in "$@" "$hi+0"; do
		s=$((${r%+*}))
		st=$(((gs + align - 1) / align * align))
		((st < s && s - st >= size)) && n=$((n + 1 + (s - st - size) / stride))
		gs=$((s + ${r#*+}))
	done
	CAP=$n
}

# read the provider's partitions: FB_LO FB_HI SEG CH_LO CH_HI, the FB
# chunks FBR and channel ranges CHR, the host FB in use HOST_USED (KiB)
read_partitions() {
	local line
	FBR=() CHR=()
	while IFS= read -r line; do
		if [[ $line =~ ^fb:\ (0x[0-9a-f]+)-(0x[0-9a-f]+)\ used\ [0-9]+\ MiB,\ segment\ ([0-9]+)\ MiB ]]; then
			FB_LO=$((BASH_REMATCH[1])) FB_HI=$((BASH_REMATCH[2]))
			SEG=$((BASH_REMATCH[3] << 20))
		elif [[ $line =~ ^\ \ fb\ (0x[0-9a-f]+\+0x[0-9a-f]+)$ ]]; then
			FBR+=("${BASH_REMATCH[1]}")
		elif [[ $line =~ ^host\ fb:\ used\ ([0-9]+)\ KiB ]]; then
			HOST_USED=${BASH_REMATCH[1]}
		elif [[ $line =~ ^chid:\ ([0-9]+)-([0-9]+)\ used ]]; then
			CH_LO=${BASH_REMATCH[1]} CH_HI=${BASH_REMATCH[2]}
		elif [[ $line =~ ^\ \ chid\ ([0-9]+\+[0-9]+)$ ]]; then
			CHR+=("${BASH_REMATCH[1]}")
		fi
	done <"$PARTS"
}

# the vGPUs of the core's state: VG_UUID, VG_TYPE, VG_FB ("start+size" of
# guest FB and heap), VG_HEAP_AT (the heap's start), VG_CHID ("base+count")
read_vgpus() {
	local line re='^  [0-9]+ ([0-9a-f-]{36}) type=([0-9]+) state=[a-z]+ fb=(0x[0-9a-f]+)\+(0x[0-9a-f]+) heap=(0x[0-9a-f]+)\+(0x[0-9a-f]+) chid=([0-9]+)\+([0-9]+)$'
	VG_UUID=() VG_TYPE=() VG_FB=() VG_HEAP_AT=() VG_CHID=()
	while IFS= read -r line; do
		[[ $line =~ $re ]] || continue
		VG_UUID+=("${BASH_REMATCH[1]}")
		VG_TYPE+=("${BASH_REMATCH[2]}")
		VG_FB+=("$((BASH_REMATCH[3]))+$((BASH_REMATCH[4] + BASH_REMATCH[6]))")
		VG_HEAP_AT+=("$((BASH_REMATCH[5]))")
		VG_CHID+=("${BASH_REMATCH[7]}+${BASH_REMATCH[8]}")
	done <"$STATE"
}

# WANT: the core's available_instances of type ID on first fit: its
# instance limit, the pgpu's 32 vGPUs, and room for its chunk and channels
expected_available() {
	local id=$1 used=0 t n

	for t in "${VG_TYPE[@]}"; do
		((t == id)) && used=$((used + 1))
	done
	n=$((T_MAX[$id] - used))
	((32 - ${#VG_TYPE[@]} < n)) && n=$((32 - ${#VG_TYPE[@]}))
	cap $((T_FB[$id] + T_HEAP[$id])) "$SEG" "$FB_LO" "$FB_HI" "${FBR[@]}"
	((CAP < n)) && n=$CAP
	cap "${T_CH[$id]}" 1 "$CH_LO" "$CH_HI" "${CHR[@]}"
	((CAP < n)) && n=$CAP
	((n < 0)) && n=0
	WANT=$n
}

# available TYPE-ID: AVAIL, its available_instances
available() {
	read -r AVAIL <"$PARENT/mdev_supported_types/nvvgpu_vfio-$1/available_instances"
}

# AVAILS: every type's available_instances, "id=n ..."
availability() {
	local d out=()
	for d in "$PARENT"/mdev_supported_types/nvvgpu_vfio-*; do
		available "${d##*-}"
		out+=("${d##*-}=$AVAIL")
	done
	AVAILS=${out[*]}
}

# available_instances of every type is what first fit leaves
avail_exact() {
	local d id bad=()

	read_partitions
	read_vgpus
	for d in "$PARENT"/mdev_supported_types/nvvgpu_vfio-*; do
		id=${d##*-}
		available "$id"
		expected_available "$id"
		((AVAIL == WANT)) || bad+=("$id: $AVAIL, first fit leaves $WANT")
	done
	((${#bad[@]} == 0)) || { printf '%s\n' "${bad[@]}"; return 1; }
}

# the vGPUs' FB chunks and channel ranges lie in their spaces without
# overlapping, each chunk one range of the provider's, the heap after the
# guest FB
layout_sane() {
	local i r s e c fbs=() chs=()

	read_partitions
	read_vgpus
	for i in "${!VG_FB[@]}"; do
		r=${VG_FB[i]}
		s=${r%+*} e=$((s + ${r#*+}))
		((s >= FB_LO && e <= FB_HI)) || { echo "${VG_UUID[i]}: FB $r outside"; return 1; }
		((s % SEG == 0)) || { echo "${VG_UUID[i]}: FB $r not on a segment"; return 1; }
		printf -v c '%#x+%#x' "$s" $((e - s))
		[[ " ${FBR[*]} " == *" $c "* ]] ||
			{ echo "${VG_UUID[i]}: FB $r is not one of the provider's ranges"; return 1; }
		fbs+=("$s $e")
		r=${VG_CHID[i]}
		s=${r%+*} e=$((s + ${r#*+}))
		((s >= CH_LO && e <= CH_HI)) || { echo "${VG_UUID[i]}: channels $r outside"; return 1; }
		chs+=("$s $e")
	done
	no_overlap FB "${fbs[@]}" && no_overlap channels "${chs[@]}"
}

# no_overlap WHAT "START END"...: no two of the ranges overlap
no_overlap() {
	local what=$1 a b
	shift
	for a in "$@"; do
		for b in "$@"; do
			[[ $a == "$b" ]] && continue
			((${a% *} < ${b#* } && ${b% *} < ${a#* })) &&
				{ echo "$what ranges $a and $b overlap"; return 1; }
		done
	done
	return 0
}

# create UUID-INDEX TYPE-ID
create() {
	uuid "$1"
	nv_check "create $U of type $2" \
		nv_write "$PARENT/mdev_supported_types/nvvgpu_vfio-$2/create" "$U"
}

remove() {
	uuid "$1"
	nv_check "remove $U" nv_write "$MD/$U/remove" 1
}

# OFFSETS: the offsets of vGPUs 1..9, "index=fb,chid ..."
offsets() {
	local i j u out=()

	read_vgpus
	for ((i = 1; i <= 9; i++)); do
		printf -v u '%s%04x' "$UUID_BASE" "$i"
		for j in "${!VG_UUID[@]}"; do
			[[ ${VG_UUID[j]} == "$u" ]] &&
				out+=("$i=${VG_FB[j]%+*},${VG_CHID[j]%+*}")
		done
	done
	OFFSETS=${out[*]}
}

# PARTS_SNAP: the vGPUs' ranges in the partitions file (the host's windows
# come and go with the host channels of drm-client)
PARTS_SNAP=
parts_snapshot() {
	local line out=()
	while IFS= read -r line; do
		[[ $line == "  fb "* || $line == "  chid "* ]] && out+=("$line")
	done <"$PARTS"
	PARTS_SNAP=${out[*]}
}

host_windows() {
	read_partitions
	((HOST_USED > 0))
}

# hand_over TO N: switch the pgpu's partition provider to TO with N vGPUs
# alive; nothing must move
hand_over() {
	local to=$1 n=$2 offs avail parts

	offsets
	offs=$OFFSETS
	availability
	avail=$AVAILS
	parts_snapshot
	parts=$PARTS_SNAP
	nv_mark
	nv_check "hand the pgpu over to $to" nv_write "$PROVIDERS/partition" "$to"
	nv_dmesg_has "with $n vGPU(s)" \
		"partition provider switched from '[a-z-]+' to '$to' with $n vGPU\\(s\\)"
	nv_check "the pgpu's partition provider is $to" grep -qx "partition: $to" "$STATE"
	offsets
	nv_check "every vGPU's offsets unchanged" test "$OFFSETS" = "$offs"
	availability
	nv_check "every type's available_instances unchanged" test "$AVAILS" = "$avail"
	parts_snapshot
	nv_check "the partitions file lists the same vGPU ranges" test "$PARTS_SNAP" = "$parts"
	nv_check "$to: available_instances exact after the hand-over" avail_exact
}

no_complaint() {
	! dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -qE 'mm(-drm)?: (no host range|scrub)'
}

echo "# load the stack with nvvgpu_mm_drm instead of nvvgpu_mm"
for m in core sim gsp mm_drm sched vfio drm; do
	nv_check "load $m" nv_load $m
done
if ! nv_check "the mdev parent is there" test -d "$PARENT"; then
	nv_unload_all
	nv_done
	exit
fi
read_catalogue
nv_check "the catalogue has the types used here" \
	test -n "${T_FB[1147]-}" -a -n "${T_FB[1149]-}" -a -n "${T_FB[1150]-}" \
	-a -n "${T_FB[1145]-}" -a -n "${T_FB[1148]-}" -a -n "${T_FB[1167]-}"
nv_check "the pgpu's partition provider is mm-drm" grep -qx "partition: mm-drm" "$STATE"
nv_check "nvvgpu_providers/partition says so" \
	test "$(<"$PROVIDERS/partition")" = "[mm-drm]"
nv_check "its parameters are nvvgpu_mm's defaults (128 MiB, 64 channels)" \
	test "$(</sys/module/nvvgpu_mm_drm/parameters/host_fb_mb)/$(</sys/module/nvvgpu_mm_drm/parameters/host_channels)" = 128/64

echo "# mm-drm: empty"
availability
A0=$AVAILS
echo "#   available: $A0"
nv_check "mm-drm: available_instances exact, empty" avail_exact

echo "# mm-drm: vGPUs of four types, one removed, its hole reused"
create 1 1149 && create 2 1147 && create 3 1150 && create 4 1145
nv_check "mm-drm: available_instances exact with four" avail_exact
offsets
hole=${OFFSETS#*2=}
hole=${hole%%,*}
remove 2
nv_check "mm-drm: available_instances exact after a removal" avail_exact
# a 2G one does not fit the 1G one's hole, a 1G one does
create 5 1148 && create 6 1147
offsets
got=${OFFSETS#*6=}
nv_check "mm-drm: the 1G one takes the hole first fit ($hole)" \
	test "${got%%,*}" = "$hole"
nv_check "mm-drm: available_instances exact with five" avail_exact
nv_check "mm-drm: chunks and channel ranges in their spaces, no overlap" layout_sane
echo "#   offsets (vGPU=fb,chid): $OFFSETS"

NODE=
for r in /sys/class/drm/renderD*; do
	[[ $(basename "$(readlink -f "$r/device")") == nvvgpu_sim* ]] && NODE=/dev/dri/${r##*/}
done
nv_check "a render node" test -n "$NODE"
nv_check "the DRM client is built" test -x "$CLIENT"

echo "# mm-drm: host channels take their windows from it"
nv_mark
"$CLIENT" "$NODE" work >"$TMP/work1" 2>&1
rc=$?
grep -E '^not ok' "$TMP/work1" | sed 's/^/#   /'
nv_check "drm-client work passes ($(grep -c '^ok' "$TMP/work1") checks, exit $rc)" \
	test "$rc" -eq 0
read_partitions
nv_check "the host FB is all free again (${HOST_USED:-?} KiB in use)" test "${HOST_USED:-1}" -eq 0
nv_check "no provider complaint" no_complaint

echo "# nvvgpu_mm beside it"
nv_check "load mm" nv_load mm
nv_check "the pgpu stays on mm-drm" test "$(<"$PROVIDERS/partition")" = "[mm-drm] mm"

echo "# hand the pgpu over to mm with five vGPUs and host channels at work"
"$CLIENT" "$NODE" work 8 >"$TMP/work2" 2>&1 &
WORK=$!
nv_check "the host channels have their windows" nv_eventually host_windows
hand_over mm 5
nv_check "nvvgpu_providers/partition says so" \
	test "$(<"$PROVIDERS/partition")" = "mm-drm [mm]"
rc=0
wait $WORK || rc=$?
grep -E '^not ok' "$TMP/work2" | sed 's/^/#   /'
nv_check "drm-client work across the hand-over passes ($(grep -c '^ok' "$TMP/work2") checks, exit $rc)" \
	test "$rc" -eq 0
read_partitions
nv_check "mm got every window back (${HOST_USED:-?} KiB in use)" test "${HOST_USED:-1}" -eq 0
nv_check "no provider complaint" no_complaint

echo "# mm: the rest of type 1167 (4G)"
available 1167
a=$AVAIL
n=0
for ((i = 0; i < a; i++)); do
	create $((7 + i)) 1167 && n=$((n + 1))
done
nv_check "mm: as many as type 1167 said ($a)" test "$n" -eq "$a"
available 1167
nv_check "mm: then none is available" test "$AVAIL" -eq 0
uuid 99
nv_fails "mm: and one more is refused" "No space left on device" \
	nv_write "$PARENT/mdev_supported_types/nvvgpu_vfio-1167/create" "$U"
nv_check "mm: available_instances exact when full" avail_exact
nv_check "mm: chunks and channel ranges in their spaces, no overlap" layout_sane

echo "# hand the pgpu back to mm-drm"
hand_over mm-drm $((5 + n))

echo "# mm-drm: all go"
for i in 1 3 4 5 6; do
	remove $i
done
for ((i = 0; i < n; i++)); do
	remove $((7 + i))
done
availability
nv_check "mm-drm: available_instances back to the empty pgpu's" test "$AVAILS" = "$A0"
nv_check "mm-drm: no FB chunk or channel range left" \
	bash -c "! grep -qE '^  (fb|chid) ' $PARTS"

echo "# unload"
nv_check "rmmod nvvgpu_mm, which no pgpu runs" nv_unload mm
nv_check "rmmod nvvgpu_drm" nv_unload drm
nv_check "rmmod nvvgpu_vfio" nv_unload vfio
nv_check "rmmod nvvgpu_mm_drm" nv_unload mm_drm
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
