package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"path/filepath"
)

// serveDir is where `dossier serve` builds when -d is not given: a folder
// per site in the user's cache directory ($XDG_CACHE_HOME/dossier or
// ~/.cache/dossier), kept between runs so a restart rewrites only what
// changed. It is private to the user (mode 0700), and refused when it is a
// link, or another user owns it or may write to it: a shared, predictable
// folder in /tmp would let another local user plant pages or have files
// deleted. Without a cache directory, a fresh private temporary folder.
func serveDir(src string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return os.MkdirTemp("", "dossier-serve-")
	}
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	parent := filepath.Join(base, "dossier")
	dir := filepath.Join(parent, "serve-"+hex.EncodeToString(sum[:6]))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	for _, d := range []string{parent, dir} {
		if err := private(d); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// private checks that dir is a real folder of this user that no one else
// may write to.
func private(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	switch {
	case !fi.IsDir():
		return fmt.Errorf("%s: not a folder (a link?); remove it, or give an output folder with -d", dir)
	case fi.Mode().Perm()&0o022 != 0:
		return fmt.Errorf("%s: other users may write to it; make it private (chmod 700), or give an output folder with -d", dir)
	case !ownedByMe(fi):
		return fmt.Errorf("%s: owned by another user; remove it, or give an output folder with -d", dir)
	}
	return nil
}

// loopback reports whether a bind address keeps the server to this
// machine.
func loopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}
