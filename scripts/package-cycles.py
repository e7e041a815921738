import os,re,sys,collections
root=sys.argv[1]  # e.g. bot/src/main/java
edges=collections.defaultdict(set)
for d,_,fs in os.walk(root):
  for f in fs:
    if not f.endswith('.java'): continue
    src=open(os.path.join(d,f)).read()
    m=re.search(r'^package\s+([\w.]+);',src,re.M)
    if not m: continue
    p=m.group(1)
    # imports and fully-qualified refs
    for q in set(re.findall(r'\b(readingroom\.[a-z][\w]*(?:\.[a-z][\w]*)*)\.[A-Z]',src)):
      if q!=p: edges[p].add(q)
pk=sorted(set(edges)|{q for v in edges.values() for q in v})
# SCC via tarjan
idx={};low={};st=[];on=set();sccs=[];c=[0]
def sc(v):
  idx[v]=low[v]=c[0];c[0]+=1;st.append(v);on.add(v)
  for w in edges[v]:
    if w not in idx: sc(w);low[v]=min(low[v],low[w])
    elif w in on: low[v]=min(low[v],idx[w])
  if low[v]==idx[v]:
    s=[]
    while True:
      w=st.pop();on.discard(w);s.append(w)
      if w==v:break
    sccs.append(s)
for v in pk:
  if v not in idx: sc(v)
bad=[s for s in sccs if len(s)>1]
for p in pk:
  if p.startswith('readingroom.bot'):
    print(p,'->',', '.join(sorted(x.replace('readingroom.','') for x in edges[p] if x.startswith('readingroom.bot'))))
for s in bad:
  print('CYCLE:',s)
  for a in s:
    for b in s:
      if b in edges[a]: print('  ',a,'->',b)
print('cycles:',len(bad))
