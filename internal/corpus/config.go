package corpus

import (
	"errors"
	"io/fs"
	"net/url"
	"strings"

	"gopkg.in/yaml.v3"

	"dossier/internal/diag"
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
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		line := 0
		if n, ok := yamlErrLine(err.Error()); ok {
			line = n
		}
		diags.Errorf(ConfigFile, line, "the file is YAML: key: value, one per line", "%s", cleanYAMLErr(err.Error()))
		return cfg, diags, nil
	}
	if len(root.Content) == 0 {
		return cfg, diags, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		diags.Errorf(ConfigFile, m.Line, "write key: value lines", "not a mapping")
		return cfg, diags, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch k.Value {
		case "title":
			cfg.Title = v.Value
		case "description":
			cfg.Description = v.Value
		case "notes_html":
			cfg.NotesHTML = v.Value == "true"
		case "baseURL", "base_url":
			u, err := url.Parse(strings.TrimSpace(v.Value))
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
				diags.Warnf(ConfigFile, v.Line, "give the site's absolute address, as https://example.org/dossier/", "%s: %q is not a web address, ignored", k.Value, v.Value)
				continue
			}
			if !strings.HasSuffix(u.Path, "/") {
				u.Path += "/"
			}
			cfg.BaseURL = u.String()
		default:
			diags.Warnf(ConfigFile, k.Line, "known keys: title, description, baseURL, notes_html", "unknown key %q, ignored", k.Value)
		}
	}
	return cfg, diags, nil
}
