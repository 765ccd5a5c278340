# SPDX-License-Identifier: GPL-2.0
#
# nvvgpu developer entry points. The kernel build itself is Kbuild.
#
#   make setup      install every Debian package the project needs
#   make demo       boot the VM, load the stack on the simulated GPU, create
#                   vGPUs, run work and show the scheduling
#   make check      every test: build (W=1, sparse, checkpatch), KUnit in UML,
#                   KUnit and scenarios in the VM
#   make modules    out-of-tree build against Debian's linux-headers-6.12
#   make modules-6.1  the same against Debian 12's own Linux 6.1 headers
#                   (the newest linux-headers-6.1.0-N-amd64), in build/6.1
#   make dkms-check dkms add, build, install and remove of this tree in
#                   scratch trees, for the 6.12 and the 6.1 headers
#   make vm-test-6.1  the VM scenarios on a debug Linux 6.1 kernel (built
#                   from linux-source-6.1 on first use, cached apart)
#   make smi        tools/nvvgpu-smi, the operator's CLI; make smi-check
#                   runs its host tests under valgrind
#   make timeline-check  host tests of tools/nvvgpu-timeline, the SVG
#                   timeline of a trace-cmd recording
#   make bench      build for the VM and run the benchmarks there, each
#                   figure next to a baseline measured in the same run, with
#                   ratios: the GSP transport's (tests/bench/gsp-bench.sh:
#                   RPC round trip and payload rate), then the work path's
#                   (tests/bench/work-bench.sh: an empty job's doorbell to
#                   interrupt latency, BAR1 mmap write bandwidth), then the
#                   scheduler's (tests/bench/sched-bench.sh: the share of
#                   engine time lost to switching at 1, 2 and 10 ms slices
#                   beside 100 ms ones; the cost of a decision for 1 to 256
#                   vGPUs, and of disabled tracepoints, from
#                   nvvgpu_sched_bench), then the partition allocators'
#                   (tests/bench/mm-bench.sh: one seeded churn of vGPUs
#                   through nvvgpu_mm's and nvvgpu_mm_drm's maps, their
#                   operations per second and ratio, and the vGPUs each
#                   places before its first refusal as a share of a perfect
#                   packing, from nvvgpu_mm_bench)

NVVGPU_CACHE	?= /var/cache/nvvgpu
export NVVGPU_CACHE

KDIR		?= $(lastword $(sort $(wildcard /usr/src/linux-headers-6.12*-amd64)))
# Debian 12's own kernel: the newest linux-headers-6.1.0-N-amd64, whatever
# ABI number N Debian is at (the meta-package linux-headers-amd64 pulls it)
KDIR_6_1	?= $(shell ls -d /usr/src/linux-headers-6.1.0-*-amd64 2>/dev/null | \
		     grep -E '/linux-headers-6\.1\.0-[0-9]+-amd64$$' | sort -V | tail -1)
KUNIT_IN_KDIR	:= $(shell grep -qs '^CONFIG_KUNIT=[ym]' $(KDIR)/.config && echo m)
# the transport's live test module (gsp/tests/) and its hooks in nvvgpu_gsp,
# built here so that W=1 and sparse see them: a product build says
# NVVGPU_GSP_TEST= (empty), and then nvvgpu_gsp has neither
NVVGPU_GSP_TEST	?= $(shell grep -qs '^CONFIG_DEBUG_FS=y' $(KDIR)/.config && echo m)
# the scheduler's benchmark module (sched/tests/), which changes nothing in
# nvvgpu_sched: NVVGPU_SCHED_TEST= leaves it out
NVVGPU_SCHED_TEST ?= $(NVVGPU_GSP_TEST)
# the partition allocators' benchmark module (mm/tests/), which changes
# neither provider: NVVGPU_MM_TEST= leaves it out
NVVGPU_MM_TEST	?= $(NVVGPU_GSP_TEST)

NVVGPU_CONFIG	:= CONFIG_NVVGPU=m CONFIG_NVVGPU_GSP=m CONFIG_NVVGPU_MM=m \
		   CONFIG_NVVGPU_MM_DRM=m CONFIG_NVVGPU_SCHED=m \
		   CONFIG_NVVGPU_SCHED_FW=m CONFIG_NVVGPU_SIM=m \
		   CONFIG_NVVGPU_VFIO=m CONFIG_NVVGPU_DRM=m \
		   CONFIG_NVVGPU_KUNIT_TEST=$(KUNIT_IN_KDIR) \
		   CONFIG_NVVGPU_GSP_TEST=$(NVVGPU_GSP_TEST) \
		   CONFIG_NVVGPU_SCHED_TEST=$(NVVGPU_SCHED_TEST) \
		   CONFIG_NVVGPU_MM_TEST=$(NVVGPU_MM_TEST)

.PHONY: all modules modules-6.1 dkms-check print-kdir-6.12 print-kdir-6.1 \
	sparse checkpatch clean setup demo check kunit vm-kernel vm-modules \
	vm-test vm-test-6.1 bench fuzz icount smi smi-check timeline-check

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 $(NVVGPU_CONFIG) modules

# every kernel difference is in include/nvvgpu/compat.h; the objects stay in
# build/6.1, apart from those of `make modules`
modules-6.1:
	@test -n "$(KDIR_6_1)" || \
		{ echo "no linux-headers-6.1.0-N-amd64: run make setup" >&2; exit 1; }
	scripts/mirror-sources build/6.1
	$(MAKE) -C build/6.1 KDIR=$(KDIR_6_1) modules

dkms-check:
	scripts/dkms-check

# the kernel dirs the builds use, for scripts (scripts/dkms-check)
print-kdir-6.12: ; @echo $(KDIR)
print-kdir-6.1: ; @echo $(KDIR_6_1)

sparse:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 C=2 $(NVVGPU_CONFIG) modules

checkpatch:
	scripts/run-checkpatch

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) $(NVVGPU_CONFIG) clean
	$(MAKE) -C tools/nvvgpu-smi clean
	rm -rf build

# the operator's CLI (Documentation/nvvgpu-smi.rst) and its host tests
smi:
	$(MAKE) -C tools/nvvgpu-smi WERROR=1

smi-check:
	$(MAKE) -C tools/nvvgpu-smi WERROR=1 check

# the timeline drawn from trace-cmd recordings (Documentation/nvvgpu-timeline.rst)
timeline-check:
	tools/nvvgpu-timeline/tests/run.sh

setup:
	scripts/setup-host

vm-kernel:
	scripts/build-vm-kernel

vm-modules:
	scripts/build-vm-modules

kunit:
	scripts/kunit-uml

vm-test:
	scripts/vm-tests $(if $(FW),--fw $(FW))

# every scenario; make check runs two of them there (tests/README.md)
vm-test-6.1:
	NVVGPU_KVER=6.1 scripts/vm-tests

demo:
	scripts/demo

bench:
	scripts/build-vm-modules >/dev/null
	scripts/vm-run tests/bench/gsp-bench.sh
	scripts/vm-run tests/bench/work-bench.sh
	scripts/vm-run tests/bench/sched-bench.sh
	scripts/vm-run tests/bench/mm-bench.sh

check:
	scripts/check

fuzz: ; tests/fuzz/run

icount: ; tests/bench/gsp-icount/run
