package corpus

import (
	"errors"
	"io/fs"
	"net/url"
	"strings"

	"dossier/internal/diag"
	"dossier/internal/yamlkv"
)

// ConfigFile is the optional site configuration, at the site root.
const ConfigFile = "dossier.yaml"

// Config is the site configuration.
type Config struct {
	Title       string
	Description string
	NotesHTML   bool   // the editor's notes may hold raw HTML (notes_html: true)
	BaseURL     string // where the site is published ("https://example.org/dossier/"), or ""
}

// LoadConfig reads dossier.yaml if there is one. Unknown keys are warned
// about; broken YAML is an error.
func LoadConfig(fsys fs.FS) (Config, diag.List, error) {
	var cfg Config
	var diags diag.List
	raw, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cfg, nil, nil
	}
	if err != nil {
		return cfg, nil, err
	}
	root, err := yamlkv.Parse(raw)
	if err != nil {
		var ye *yamlkv.Error
		line, msg := 0, err.Error()
		if errors.As(err, &ye) {
			line, msg = ye.Line, ye.Msg
		}
		diags.Errorf(ConfigFile, line, "the file is YAML: key: value, one per line", "%s", msg)
		return cfg, diags, nil
	}
	if root == nil || root.Kind == yamlkv.Null {
		return cfg, diags, nil
	}
	if root.Kind != yamlkv.Map {
		diags.Errorf(ConfigFile, root.Line, "write key: value lines", "not a mapping")
		return cfg, diags, nil
	}
	for _, p := range root.Pairs {
		k, v := p, p.Value
		if v.Kind != yamlkv.Scalar && v.Kind != yamlkv.Null {
			diags.Warnf(ConfigFile, k.Line, "give a single value", "%s: not a plain value, ignored", k.Key)
			continue
		}
		switch k.Key {
		case "title":
			cfg.Title = v.Value
		case "description":
			cfg.Description = v.Value
		case "notes_html":
			cfg.NotesHTML = v.Value == "true"
		case "baseURL", "base_url":
			u, err := url.Parse(strings.TrimSpace(v.Value))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
				diags.Warnf(ConfigFile, k.Line, "give the site's absolute address, as https://example.org/dossier/", "%s: %q is not a web address, ignored", k.Key, v.Value)
				continue
			}
			if !strings.HasSuffix(u.Path, "/") {
				u.Path += "/"
			}
			cfg.BaseURL = u.String()
		default:
			diags.Warnf(ConfigFile, k.Line, "known keys: title, description, baseURL, notes_html", "unknown key %q, ignored", k.Key)
		}
	}
	return cfg, diags, nil
}
