package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/trellis-pl/trellis/content"
)

// Word lists the plans are made from.
var (
	places = []string{"Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Hawthorn", "Hickory", "Juniper", "Laurel",
		"Magnolia", "Maple", "Oak", "Pine", "Redbud", "Sassafras", "Spruce", "Sycamore", "Tupelo", "Willow",
		"Bluff", "Creek", "Hollow", "Meadow", "Prairie", "Ridge", "River", "Summit", "Valley", "Harbor"}
	kinds    = []string{"County", "City", "Unified", "Consolidated", "Independent", "Public"}
	firsts   = []string{"Alicia", "Marcus", "Yolanda", "Thomas", "Priya", "Daniel", "Grace", "Samuel", "Renée", "Luis", "Keisha", "Owen"}
	lasts    = []string{"Baptiste", "Cho", "Fairley", "Holloway", "Lindqvist", "Okafor", "Pickett", "Rahman", "Tillman", "Vega", "Whitfield", "Nguyen"}
	subjects = []struct{ title, focus, measure string }{
		{"Every student reads on grade level by the end of grade 3", "foundational reading skills", "Universal reading screener, grades K–3"},
		{"Raise mathematics proficiency in grades 3–8", "fractions and proportional reasoning", "State mathematics assessment, grades 3–8"},
		{"English learners grow one proficiency level each year", "academic language in every subject", "English language proficiency assessment"},
		{"Close the achievement gap for students with disabilities", "co-teaching and specially designed instruction", "IEP goal progress reports"},
		{"Keep and grow early-career teachers", "induction and mentoring", "Retention of teachers in their first three years"},
		{"Increase graduation and career readiness", "advising and career pathways", "Four-year graduation rate"},
		{"Reduce chronic absenteeism", "family engagement and attendance teams", "Chronic absence rate"},
		{"Strengthen science inquiry in grades 6–12", "investigations and scientific argument", "State science assessment"},
	}
	designs = []string{"a summer institute", "monthly workshops", "a two-day launch", "an online course with cohort meetings", "lesson study cycles"}
	follows = []string{"coaching cycles", "weekly team meetings", "peer observation with feedback", "monthly data reviews", "mentoring logs reviewed each month"}
)

type district struct {
	slug, name string
	r          *rand.Rand
	set        *content.StandardsSet
	goals      []goal
}

type goal struct {
	id, title, focus, measure string
}

func newDistrict(seed uint64, i int, sets map[string]*content.StandardsSet) *district {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	name := fmt.Sprintf("%s %s %s School District", pick(r, places), pick(r, places), pick(r, kinds))
	d := &district{slug: fmt.Sprintf("district-%05d", i+1), name: name, r: r, set: sets["learning-forward-2022"]}
	if i%4 == 3 {
		d.set = sets["learning-forward-2011"]
	}
	perm := r.Perm(len(subjects))
	for k := 0; k < 3; k++ {
		s := subjects[perm[k]]
		d.goals = append(d.goals, goal{id: fmt.Sprintf("goal-%d", k+1), title: s.title, focus: s.focus, measure: s.measure})
	}
	return d
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func person(r *rand.Rand) string { return pick(r, firsts) + " " + pick(r, lasts) }

// files returns the plan's files by path. For Hugo, settings and plan
// files that Hugo would not read as pages are written as pages too, so
// both tools process the same Markdown and front matter.
func (d *district) files(hugo bool) map[string]string {
	f := map[string]string{}
	settings := fmt.Sprintf("district = %q\nstandards = %q\nfirst_year = 2025\nyears = 3\ncurrent_year = 2\n\n[contact]\nname = %q\nemail = \"pl@%s.example\"\n",
		d.name, d.set.ID, person(d.r), d.slug)
	if hugo {
		f["_index.md"] = "+++\ntitle = " + fmt.Sprintf("%q", d.name) + "\n+++\n"
	} else {
		f[content.SettingsFile] = settings
	}
	f[content.DistrictFile] = d.profile()
	f[content.BeliefsFile] = fmt.Sprintf("+++\nmission = \"%s prepares every student for college, career and citizenship.\"\nvision = \"Every student known, challenged and supported; every educator learning every week.\"\n+++\n\n%s", d.name, paragraphs(d.r, 2))
	for gi, g := range d.goals {
		f[fmt.Sprintf("goals/%02d-%s.md", gi+1, g.id)] = d.goal(g)
		for a := 1; a <= 3; a++ {
			f[fmt.Sprintf("activities/%s-activity-%d.md", g.id, a)] = d.activity(g, gi, a)
		}
	}
	for p := 1; p <= 2; p++ {
		f[fmt.Sprintf("partners/partner-%d.md", p)] = d.partner(p)
	}
	return f
}

func (d *district) profile() string {
	r := d.r
	var b strings.Builder
	n := 3 + r.IntN(6)
	total := 0
	var schools strings.Builder
	for s := 0; s < n; s++ {
		enr := 200 + r.IntN(1400)
		total += enr
		grades := pick(r, []string{"PK-5", "K-5", "6-8", "9-12", "K-8"})
		fmt.Fprintf(&schools, "\n[[schools]]\nname = \"%s %s School\"\ngrades = %q\nenrollment = %d\nprincipal = %q\n", pick(r, places), pick(r, []string{"Elementary", "Middle", "High", "Attendance Center"}), grades, enr, person(r))
	}
	fmt.Fprintf(&b, "+++\ndata_year = \"2024–25\"\nenrollment = %d\nper_pupil_expenditure = %d\nteaching_units = %d\n", total, 9000+r.IntN(7000), total/16)
	b.WriteString(schools.String())
	left := 100.0
	for _, g := range []string{"Hispanic or Latino", "Black or African American", "Asian", "Two or more races"} {
		pct := float64(r.IntN(int(left/2)*10)) / 10
		left -= pct
		fmt.Fprintf(&b, "\n[[demographics]]\ncategory = \"Race and ethnicity\"\ngroup = %q\npercent = %.1f\n", g, pct)
	}
	fmt.Fprintf(&b, "\n[[demographics]]\ncategory = \"Race and ethnicity\"\ngroup = \"White\"\npercent = %.1f\n", left)
	fmt.Fprintf(&b, "\n[[demographics]]\ncategory = \"Programs\"\ngroup = \"Economically disadvantaged\"\npercent = %.1f\n", 20+float64(r.IntN(600))/10)
	fmt.Fprintf(&b, "\n[[demographics]]\ncategory = \"Programs\"\ngroup = \"English learners\"\ncount = %d\n", r.IntN(total/5+1))
	fmt.Fprintf(&b, "\n[[certification]]\nkind = \"Standard license\"\ncount = %d\n\n[[certification]]\nkind = \"National Board Certified\"\ncount = %d\n", total/18, r.IntN(30))
	b.WriteString("+++\n\n")
	b.WriteString(paragraphs(r, 2))
	fmt.Fprintf(&b, "\n| Staffing, 2024–25 | Count |\n|---|---:|\n| Classroom teachers | %d |\n| Instructional coaches | %d |\n| Counselors | %d |\n", total/16, 2+r.IntN(10), 3+r.IntN(12))
	return b.String()
}

func (d *district) goal(g goal) string {
	r := d.r
	var b strings.Builder
	base := 25 + r.IntN(30)
	fmt.Fprintf(&b, "+++\ntitle = %q\nrationale = \"\"\"\n%s\n\"\"\"\n", g.title, paragraph(r))
	fmt.Fprintf(&b, "evidence = [\"%s, 2022–2024: %d%% met the standard\", \"Classroom observation sample, 2024\", \"Staff survey, 2024\"]\n", g.measure, base)
	fmt.Fprintf(&b, "impact = \"Better teaching of %s raises achievement for the students now furthest behind.\"\n", g.focus)
	fmt.Fprintf(&b, "outcome = \"By spring 2028, %d%% meet the standard on the %s.\"\n", base+15, strings.ToLower(g.measure[:1])+g.measure[1:])
	fmt.Fprintf(&b, "\n[[measures]]\nmeasure = %q\nfrequency = \"Once a year\"\n\n[[measures]]\nmeasure = \"District benchmark\"\nfrequency = \"Three times a year\"\n", g.measure)
	statuses := []string{"met", "in-progress", "not-started"}
	for y := 1; y <= 3; y++ {
		fmt.Fprintf(&b, "\n[[years]]\nyear = %d\noutcome = \"%d%% meet the standard.\"\nstatus = %q\n", y, base+5*y, statuses[y-1])
	}
	b.WriteString("+++\n\n")
	b.WriteString(paragraphs(r, 2))
	b.WriteString("\n- Study the data by school and by student group\n- Choose one practice and learn it well\n- Check progress three times a year\n")
	return b.String()
}

func (d *district) activity(g goal, gi, a int) string {
	r := d.r
	var stds []string
	perm := r.Perm(len(d.set.Standards))
	for k := 0; k < 2+r.IntN(2); k++ {
		stds = append(stds, fmt.Sprintf("%q", d.set.Standards[perm[k]].ID))
	}
	// Every standard is addressed somewhere in the plan: activity k of 9
	// takes standard k and, for sets of more than 9, standard k+9.
	k, n := gi*3+a-1, len(d.set.Standards)
	stds[0] = fmt.Sprintf("%q", d.set.Standards[k%n].ID)
	if k+9 < n {
		stds[1] = fmt.Sprintf("%q", d.set.Standards[k+9].ID)
	}
	stds = dedupe(stds)
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"%s: %s %d\"\ngoal = %q\nstandards = [%s]\n", strings.ToUpper(g.focus[:1])+g.focus[1:], pick(r, []string{"institute", "workshop series", "learning cycle", "course"}), a, g.id, strings.Join(stds, ", "))
	fmt.Fprintf(&b, "\n[initial]\nwho = \"Teachers and leaders working on %s\"\nwhat = \"How students learn %s, and the practices that help\"\nhow = \"%s\"\n", g.focus, g.focus, strings.ToUpper(pick(r, designs)[:1])+pick(r, designs)[1:])
	fmt.Fprintf(&b, "\n[follow_up]\nwho = \"Coaches with each team\"\nwhat = \"Applying the practice in classrooms\"\nhow = \"%s\"\n", strings.ToUpper(pick(r, follows)[:1])+pick(r, follows)[1:])
	start := 2025 + r.IntN(2)
	fmt.Fprintf(&b, "\n[duration]\nwhen = \"August to May\"\nstart = %d-08-%02d\nend = 2028-05-%02d\n", start, 1+r.IntN(28), 1+r.IntN(28))
	fmt.Fprintf(&b, "\n[[resources]]\nitem = \"Substitute teachers for release days\"\ncost = %d\nfunding = \"Title II, Part A\"\n\n[[resources]]\nitem = \"Materials\"\ncost = %d\n", 1000*(5+r.IntN(30)), 100*(10+r.IntN(90)))
	b.WriteString("+++\n\n")
	b.WriteString(paragraph(r))
	b.WriteString("\n")
	return b.String()
}

func (d *district) partner(p int) string {
	r := d.r
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nname = \"%s %s\"\nkind = %q\nservices = \"Training and coaching for %s\"\ngoals = [%q]\nreviewed = 2026-06-%02d\nrecommendation = %q\n",
		pick(r, places), pick(r, []string{"Learning Partners", "Education Group", "University Center", "Consulting"}), pick(r, content.PartnerKinds[:5]),
		d.goals[p-1].focus, d.goals[p-1].id, 1+r.IntN(28), pick(r, content.Recommendations))
	for _, it := range d.set.Items {
		rating, evidence := 1+r.IntN(4), pick(r, []string{
			"Seen in session materials and classroom visits.", "Reported by teachers in the spring survey.",
			"Not addressed in this year's work.", "Strong evidence in coaching logs."})
		if it.Open { // answered in words, not rated
			fmt.Fprintf(&b, "\n[[ratings]]\nitem = %q\nanswer = %q\n", it.ID, evidence)
			continue
		}
		fmt.Fprintf(&b, "\n[[ratings]]\nitem = %q\nrating = %d\nevidence = %q\n", it.ID, rating, evidence)
	}
	b.WriteString("+++\n\n")
	b.WriteString(paragraph(r))
	return b.String()
}

var sentences = []string{
	"Teachers meet weekly in grade-level teams to study student work.",
	"The district's data show wide differences between schools.",
	"Coaches support each team through planning, teaching and reflection.",
	"Principals protect time in the school day for professional learning.",
	"Families are invited to learning nights in their home languages.",
	"New teachers are paired with trained mentors for two years.",
	"Progress is reviewed each semester and the plan adjusted.",
	"Funding from several programs is combined behind the plan's goals.",
}

func paragraph(r *rand.Rand) string {
	var s []string
	for i := 0; i < 3+r.IntN(3); i++ {
		s = append(s, pick(r, sentences))
	}
	return strings.Join(s, " ") + "\n"
}

func paragraphs(r *rand.Rand, n int) string {
	var p []string
	for i := 0; i < n; i++ {
		p = append(p, paragraph(r))
	}
	return strings.Join(p, "\n")
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
