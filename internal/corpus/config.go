package corpus

import (
	"errors"
	"io/fs"

	"gopkg.in/yaml.v3"

	"dossier/internal/diag"
)

// ConfigFile is the optional site configuration, at the site root.
const ConfigFile = "dossier.yaml"

// Config is the site configuration.
type Config struct {
	Title       string
	Description string
	NotesHTML   bool // the editor's notes may hold raw HTML (notes_html: true)
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
		default:
			diags.Warnf(ConfigFile, k.Line, "known keys: title, description, notes_html", "unknown key %q, ignored", k.Value)
		}
	}
	return cfg, diags, nil
}
