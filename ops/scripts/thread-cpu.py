#!/usr/bin/env python3
"""CPU per thread group of running JVMs, from /proc: where the cores go during a load test.

    DUR=15 ops/scripts/thread-cpu.py <pid> [<pid>...]

Thread names have their digits folded (StreamThread-1 and -2 are one group); percentages are of
one core over DUR seconds, user + system.
"""
import os,sys,time,collections,re
pids=sys.argv[1:]; dur=float(os.environ.get('DUR','10'))
def snap(pid):
    d={}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            s=open(f'/proc/{pid}/task/{t}/stat').read()
            name=s[s.index('(')+1:s.rindex(')')]
            f=s[s.rindex(')')+2:].split()
            d[t]=(name,int(f[11]),int(f[12]))
        except Exception: pass
    return d
a={p:snap(p) for p in pids}; time.sleep(dur); b={p:snap(p) for p in pids}
for p in pids:
    agg=collections.defaultdict(lambda:[0,0])
    for t,(n,u,s) in b[p].items():
        if t in a[p]:
            g=re.sub(r'\d+','N',n); agg[g][0]+=u-a[p][t][1]; agg[g][1]+=s-a[p][t][2]
    tu=sum(v[0] for v in agg.values())/dur; ts=sum(v[1] for v in agg.values())/dur
    print(f"pid {p}: user {tu:.0f}% sys {ts:.0f}% of one core")
    for g,(u,s) in sorted(agg.items(), key=lambda x:-(x[1][0]+x[1][1]))[:12]: print(f"   {g:28s} {(u+s)/dur:5.1f}%  (sys {s/dur:4.1f})")
