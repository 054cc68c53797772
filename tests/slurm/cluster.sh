#!/usr/bin/env bash
# Private, real, single-node Slurm cluster for the test suite.
#
#   tests/slurm/cluster.sh start DIR   # exit 0 = up, 77 = unavailable (CTest skip)
#   tests/slurm/cluster.sh stop DIR    # idempotent; exit 1 only if something survives
#
# Everything (munge key and socket, slurm.conf, state, spool, logs, pids) lives
# in DIR so that several clusters can run side by side, as root or as an
# ordinary user, without touching /etc, /var or /run.  Tests `source DIR/env`.
set -euo pipefail

# Debian keeps the daemons in sbin, which ordinary users lack in PATH.
PATH=$PATH:/usr/sbin:/sbin
SELF=$(realpath -- "$0")
# Every process we start inherits this marker, so `stop` finds exactly this
# cluster's processes even if DIR/pids is stale, and never another cluster's.
MARK=MATHLINGS_SLURM_CLUSTER

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }

log() { echo "cluster.sh: $*" >&2; }

# The current process and its ancestors: never kill or blame those (they
# include the test that called us, whose command line names DIR).
self_chain() {
    local p=$BASHPID stat rest
    while [[ $p -gt 1 ]]; do
        echo "$p"
        { stat=$(<"/proc/$p/stat"); } 2>/dev/null || break
        rest=${stat##*) }
        read -r _ p _ <<<"$rest"
    done
}

# PIDs recorded in DIR/pids, every live process carrying the marker, and all
# their descendants (job scripts do not inherit the marker, but descend from a
# marked slurmstepd).
cluster_pids() {
    local -A want=() skip=()
    local p pp line changed cmd
    for p in $(self_chain); do skip[$p]=1; done
    if [[ -f $DIR/pids ]]; then
        while read -r p _; do
            # Guard against PID reuse: only trust it if it still names DIR.
            [[ $p =~ ^[0-9]+$ ]] || continue
            cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline") || continue
            if [[ $cmd == *"$DIR/"* || $cmd == *"$DIR "* ]]; then want[$p]=1; fi
        done <"$DIR/pids"
    fi
    # shellcheck disable=SC2013 # /proc paths have no blanks
    for line in $(grep -lzxF -- "$MARK=$DIR" /proc/[0-9]*/environ 2>/dev/null); do
        p=${line#/proc/}; want[${p%%/*}]=1
    done
    # slurmstepd drops the marker (slurmd execs it with a clean environment)
    # and is reparented to init, but it always holds SlurmdLogFile open.
    local glob
    glob=$(printf '%s' "$DIR/log/slurmd.log" | sed 's/[][\\*?]/\\&/g')
    while read -r line; do
        p=${line#/proc/}; want[${p%%/*}]=1
    done < <(find /proc/[0-9]*/fd -maxdepth 1 -lname "$glob" 2>/dev/null)
    local tree
    tree=$(ps -e -o pid=,ppid= 2>/dev/null || true)
    changed=1
    while [[ $changed == 1 ]]; do
        changed=0
        while read -r p pp; do
            if [[ -n ${want[$pp]:-} && -z ${want[$p]:-} ]]; then
                want[$p]=1; changed=1
            fi
        done <<<"$tree"
    done
    for p in "${!want[@]}"; do
        [[ -z ${skip[$p]:-} && -e /proc/$p ]] && echo "$p"
    done
    return 0
}

# SIGTERM, up to ~5 s grace, then SIGKILL.
term_wait() {
    local pids=$* i p
    [[ -n ${pids// /} ]] || return 0
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < 25; i++)); do
        pids=$(for p in $pids; do if alive "$p"; then echo "$p"; fi; done | tr '\n' ' ')
        [[ -n ${pids// /} ]] || return 0
        sleep 0.2
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
}

# slurmstepd ignores SIGTERM and job processes need no grace: SIGKILL at
# once.  munged goes last, since slurmctld needs it to shut down quickly.
# Repeated because a dying slurmd may still have forked a slurmstepd.
stop_cluster() {
    local pids p pp daemons late others
    for _ in 1 2 3; do
        pids=$(cluster_pids | tr '\n' ' ')
        [[ -n ${pids// /} ]] || break
        daemons='' late='' others=''
        for p in $pids; do
            case $(awk -v p="$p" '$1 == p { print $2 }' "$DIR/pids" 2>/dev/null) in
                munged | watchdog) late+="$p " ;;
                ?*) daemons+="$p " ;;
                *)
                    # A daemon's own helper (slurmscriptd) goes with it:
                    # slurmctld stalls on shutdown if it is killed first.
                    pp=$(ps -o ppid= -p "$p" 2>/dev/null) || continue
                    if ! grep -q "^${pp// /} " "$DIR/pids" 2>/dev/null; then
                        others+="$p "
                    fi
                    ;;
            esac
        done
        # shellcheck disable=SC2086
        if [[ -n $others ]]; then kill -KILL $others 2>/dev/null || true; fi
        term_wait "$daemons"
        term_wait "$late"
        sleep 0.2
    done
    rm -f "$DIR/pids"
    if [[ -L $DIR/sock ]]; then
        rm -rf -- "$(readlink -- "$DIR/sock")"
        rm -f -- "$DIR/sock"
    fi
    # Verify by command line, independently of the bookkeeping above.
    # Our own subshells (children of the chain) carry our command line too.
    local -A skip=()
    for p in $(self_chain); do skip[$p]=1; done
    local left=() re found pp
    re=$(printf '%s' "$DIR" | sed 's/[][\.*^$+?(){}|]/\\&/g')'(/| |$)'
    found=$(pgrep -f -- "$re") || true
    for p in $found; do
        if [[ -n ${skip[$p]:-} ]] || ! alive "$p"; then continue; fi
        pp=$(ps -o ppid= -p "$p" 2>/dev/null) || continue
        [[ -z ${skip[${pp// /}]:-} ]] && left+=("$p")
    done
    if ((${#left[@]})); then
        log "still running after stop:"
        for p in "${left[@]}"; do
            echo "  $p $(tr '\0' ' ' 2>/dev/null <"/proc/$p/cmdline")" >&2
        done
        return 1
    fi
    return 0
}

# Zombies count as gone: init may reap them late.
alive() { [[ -e /proc/$1 ]] && ! grep -q '^State:.*Z' "/proc/$1/status" 2>/dev/null; }

# The owner's start time, so the watchdog notices PID reuse; fails if the
# owner is gone or a zombie.
proc_start() {
    local stat rest f
    { stat=$(<"/proc/$1/stat"); } 2>/dev/null || return 1
    rest=${stat##*) }
    read -r -a f <<<"$rest"
    [[ ${f[0]} != Z ]] || return 1
    echo "${f[19]}"
}

watchdog() {
    local owner=$1 born=$2 now
    while [[ -f $DIR/pids ]]; do
        now=$(proc_start "$owner") || break
        [[ $now == "$born" ]] || break
        sleep 1
    done
    if [[ -f $DIR/pids ]]; then
        echo "$(date '+%F %T') owner $owner gone, stopping cluster"
        stop_cluster || true
    fi
    exit 0
}

UNAVAILABLE=77
unavailable() {
    echo "cluster unavailable: $1"
    printf '%s\n' "$1" >"$DIR/unavailable"
    if [[ -n ${2:-} ]]; then
        printf '%s\n' "$2" >>"$DIR/unavailable"
        printf 'cluster unavailable: %s\n%s\n' "$1" "$2" >&2
    fi
    exit "$UNAVAILABLE"
}

log_tails() {
    local f
    for f in "$DIR"/log/*; do
        [[ -s $f ]] || continue
        echo "==> $f <=="
        tail -n 15 -- "$f"
    done
}

# Two distinct free ports below the ephemeral range, so that no outgoing
# connection grabs them between the check and the daemon's bind.  A parallel
# cluster picking the same port is caught by the bind retry in start.
pick_ports() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - <<'EOF' && return 0
import random, socket
got = []
while len(got) < 2:
    p = random.randint(10000, 29999)
    s = socket.socket()
    try:
        s.bind(("0.0.0.0", p))
    except OSError:
        continue
    finally:
        s.close()
    if p not in got:
        got.append(p)
print(*got)
EOF
    fi
    local got=() p
    while ((${#got[@]} < 2)); do
        p=$((10000 + RANDOM % 20000))
        [[ " ${got[*]-} " == *" $p "* ]] && continue
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
        got+=("$p")
    done
    echo "${got[@]}"
}

start_cluster() {
    local t0=$EPOCHREALTIME
    # A leftover cluster in DIR would hold the ports/state we are about to reuse.
    if [[ -f $DIR/pids || -L $DIR/sock ]]; then stop_cluster >&2 || true; fi
    rm -rf -- "$DIR"/{state,spool,munge,log,run,env,unavailable,slurm.conf,plugstack.conf}
    mkdir -p "$DIR"/{state,spool,munge,log,run}

    local c
    for c in slurmctld slurmd sbatch scontrol sinfo munged dd timeout setsid pgrep ps; do
        command -v "$c" >/dev/null 2>&1 || unavailable "command not found: $c (./setup.sh installs slurmctld, slurmd, slurm-client and munge)"
    done
    [[ -r /dev/urandom ]] || unavailable "/dev/urandom not readable"

    local user host addr sock_dir
    user=$(id -un)
    # slurmctld only accepts SlurmctldHost equal to its short hostname (or
    # localhost); the explicit address spares clients a DNS lookup.
    host=$(hostname -s 2>/dev/null || true)
    if [[ -z $host ]] || ! getent hosts "$host" >/dev/null 2>&1; then
        host=localhost
    fi
    addr=127.0.0.1

    # Unix socket paths are limited to 108 bytes (munge socket, slurmstepd
    # sockets in the spool dir); deep build trees exceed that.
    sock_dir=$DIR
    if ((${#DIR} > 60)); then
        sock_dir=$(mktemp -d /tmp/slurm.XXXXXX)
        ln -sfn -- "$sock_dir" "$DIR/sock"
        mkdir -p "$sock_dir"/{munge,spool}
    fi
    local socket=$sock_dir/munge/munge.socket spool=$sock_dir/spool

    export "$MARK=$DIR"
    : >"$DIR/pids"

    # Watchdog first: from here on, the owner dying (CTest killed, start
    # itself killed mid-way) still tears everything down.
    local owner=${CLUSTER_OWNER_PID:-$PPID} born
    born=$(proc_start "$owner") || unavailable "owner process $owner not running"
    setsid "$BASH" "$SELF" _watchdog "$DIR" "$owner" "$born" \
        </dev/null >>"$DIR/log/watchdog.log" 2>&1 &
    echo "$! watchdog" >>"$DIR/pids"

    # Failure after this point must not leave daemons behind; signals are
    # turned into exits so that the EXIT trap runs for them too.
    # shellcheck disable=SC2154
    trap 'rc=$?; if [[ $rc != 0 ]]; then stop_cluster >&2 || true; fi; exit $rc' EXIT
    trap 'exit 129' HUP
    trap 'exit 130' INT
    trap 'exit 143' TERM

    (umask 077 && dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none)
    chmod 0400 "$DIR/munge/munge.key"
    # Own stdout/stderr files: CTest waits for the test's pipes to close, so
    # daemons must not inherit them.
    setsid munged -F --force --socket="$socket" --key-file="$DIR/munge/munge.key" \
        --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" \
        --seed-file="$DIR/munge/munged.seed" </dev/null >>"$DIR/log/munged.out" 2>&1 &
    local munged_pid=$!
    echo "$munged_pid munged" >>"$DIR/pids"
    local i
    for ((i = 0; i < 50; i++)); do
        [[ -S $socket ]] && break
        alive "$munged_pid" || break
        sleep 0.1
    done
    [[ -S $socket ]] || unavailable "munged did not start" "$(log_tails)"

    printf '# empty: keep /etc/slurm/plugstack.conf out of the test cluster\n' >"$DIR/plugstack.conf"

    local cpus mem cluster attempt ctld_pid slurmd_pid state ctld_port slurmd_port f deadline
    cpus=$(nproc)
    # 90 % of RAM: slurmd drains nodes reporting less than RealMemory.
    mem=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
    cluster=t$(printf '%04x%04x' "$RANDOM" "$RANDOM")
    export SLURM_CONF=$DIR/slurm.conf

    for attempt in 1 2 3; do
        read -r ctld_port slurmd_port < <(pick_ports)
        cat >"$SLURM_CONF" <<EOF
# Generated by tests/slurm/cluster.sh; private test cluster.
ClusterName=$cluster
SlurmctldHost=$host($addr)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
# Clients find the private munged only through this line.
AuthInfo=socket=$socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
# Not CR_Core_Memory: without --mem every job would claim all node memory and
# jobs would run one at a time.
SelectTypeParameters=CR_CPU
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
SlurmdParameters=config_overrides
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
MpiDefault=none
ReturnToService=2
PlugStackConfig=$DIR/plugstack.conf
MailProg=/bin/true
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
KillWait=2
MessageTimeout=10
TCPTimeout=2
SlurmdTimeout=30
SlurmctldTimeout=30
BatchStartTimeout=10
InactiveLimit=0
MinJobAge=300
NodeName=$host NodeHostname=$host NodeAddr=$addr CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
        # -D: stay in the foreground so $! is the daemon's PID; -c: DIR is
        # fresh, never recover (possibly stale) state.
        setsid slurmctld -D -c -f "$SLURM_CONF" </dev/null >>"$DIR/log/slurmctld.out" 2>&1 &
        ctld_pid=$!
        echo "$ctld_pid slurmctld" >>"$DIR/pids"
        setsid slurmd -D -f "$SLURM_CONF" -N "$host" </dev/null >>"$DIR/log/slurmd.out" 2>&1 &
        slurmd_pid=$!
        echo "$slurmd_pid slurmd" >>"$DIR/pids"

        state=
        deadline=$((SECONDS + 30))
        while ((SECONDS < deadline)); do
            state=$(timeout 5 sinfo -h -o %T 2>/dev/null || true)
            [[ $state == idle ]] && break
            if ! alive "$ctld_pid" || ! alive "$slurmd_pid"; then break; fi
            sleep 0.2
        done
        [[ $state == idle ]] && break
        if grep -qs 'Address already in use' "$DIR"/log/slurm{ctld,d}.{log,out}; then
            log "port collision ($ctld_port/$slurmd_port), retrying"
            kill -KILL "$ctld_pid" "$slurmd_pid" 2>/dev/null || true
            wait "$ctld_pid" "$slurmd_pid" 2>/dev/null || true
            for f in "$DIR"/log/slurm{ctld,d}.{log,out}; do
                if [[ -e $f ]]; then mv -f -- "$f" "$f.$attempt"; fi
            done
            continue
        fi
        break
    done
    if [[ $state != idle ]]; then
        local why="daemons not up within 30 s (sinfo: '${state:-no answer}')"
        alive "$ctld_pid" || why="slurmctld exited during start-up"
        alive "$slurmd_pid" || why="slurmd exited during start-up"
        local tails
        tails=$(log_tails)
        stop_cluster >&2 || true
        trap - EXIT
        unavailable "$why" "$tails"
    fi

    printf 'export SLURM_CONF=%q\n' "$SLURM_CONF" >"$DIR/env"
    trap - EXIT
    local t1=$EPOCHREALTIME
    printf 'cluster up in %.1f s: SLURM_CONF=%s\n' \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "$SLURM_CONF"
}

cmd=${1:-}
[[ -n ${2:-} ]] || usage
case $cmd in
    start)
        mkdir -p -- "$2"
        DIR=$(realpath -- "$2")
        start_cluster
        ;;
    stop)
        DIR=$(realpath -m -- "$2")
        stop_cluster
        ;;
    _watchdog)
        DIR=$2
        watchdog "$3" "$4"
        ;;
    *) usage ;;
esac
