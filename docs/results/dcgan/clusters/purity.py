"""Purity of k-means clusters of MNIST's training images: how many of a cluster's images share its most common
digit. A numpy k-means (k-means++ start, at most 40 Lloyd iterations, all 60,000 images in [0, 1]), not the Java
code (`data.DataClusters`); it also wrote the images and cluster labels of the first experiment (`--conditional
--data images.npy --labels clustersK.npy`). Usage: python purity.py K (MNIST's IDX files in
~/.cache/tf-java-gan/mnist, where `gan train` fetches them)."""
import gzip, numpy as np, sys, os
d=os.path.expanduser('~/.cache/tf-java-gan/mnist')
f=[x for x in os.listdir(d) if x.startswith('train-images')][0]
raw=open(os.path.join(d,f),'rb').read()
if f.endswith('.gz'): raw=gzip.decompress(raw)
x=np.frombuffer(raw,np.uint8,offset=16).reshape(-1,28,28)
fl=[x for x in os.listdir(d) if x.startswith('train-labels')][0]
rawl=open(os.path.join(d,fl),'rb').read()
if fl.endswith('.gz'): rawl=gzip.decompress(rawl)
y=np.frombuffer(rawl,np.uint8,offset=8)
K=int(sys.argv[1])
X=x.reshape(len(x),-1).astype(np.float32)/255
rng=np.random.default_rng(0)
# kmeans++ init
C=[X[rng.integers(len(X))]]
d2=((X-C[0])**2).sum(1)
for k in range(1,K):
    C.append(X[rng.choice(len(X),p=d2/d2.sum())]); d2=np.minimum(d2,((X-C[-1])**2).sum(1))
C=np.array(C)
xx=(X**2).sum(1)
for it in range(40):
    dist=xx[:,None]-2*X@C.T+(C**2).sum(1)[None]
    a=dist.argmin(1)
    newC=np.array([X[a==k].mean(0) if (a==k).any() else C[k] for k in range(K)])
    if np.allclose(newC,C): break
    C=newC
sizes=np.bincount(a,minlength=K)
pur=sum(np.bincount(y[a==k]).max() for k in range(K) if (a==k).any())/len(y)
print('K',K,'iters',it,'sizes min/max',sizes.min(),sizes.max(),'purity',pur)
np.save('images.npy',x.reshape(-1,28,28,1))
np.save(f'clusters{K}.npy',a.astype(np.int64))
