import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import { Button } from "../../components/Button";
import { FormErrors, Notice } from "../../components/Notice";
import { TextAreaField } from "../../components/TextAreaField";
import { describeError } from "../../lib/errorMessage";
import { useFieldErrors } from "../../lib/useFieldErrors";
import { AnswerSurveyMutation } from "../mutations";
import { SurveyQuery } from "../queries";

const SCORES = Array.from({ length: 11 }, (_, score) => score);
const STARS = [1, 2, 3, 4, 5];

/** Show the quarter's satisfaction survey while it is due. */
export function SurveyPrompt() {
  const [survey] = useQuery({ query: SurveyQuery });
  const [npsScore, setNpsScore] = useState<number | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [answered, setAnswered] = useState(false);
  const [result, answer] = useMutation(AnswerSurveyMutation);
  const fieldErrors = useFieldErrors(["npsScore", "rating", "comment"]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    fieldErrors.clear();
    const response = await answer({
      input: { npsScore, rating, comment: comment.trim() || null },
    });
    const payload = response.data?.answerSurvey;
    if (response.error) {
      fieldErrors.showGeneral(describeError(response.error));
    } else if (payload && payload.errors.length > 0) {
      fieldErrors.show(payload.errors);
    } else {
      setAnswered(true);
    }
  }

  if (answered) {
    return <Notice tone="success">Thank you for your answer.</Notice>;
  }
  if (!survey.data?.satisfactionSurvey.isDue) {
    return null;
  }
  return (
    <form
      className="card form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="survey-title"
      style={{ maxWidth: "none" }}
    >
      <h2 id="survey-title" style={{ marginTop: 0 }}>
        How are we doing?
      </h2>
      <FormErrors messages={fieldErrors.errors.general} />
      <fieldset className="field">
        <legend>
          How likely are you to recommend Hundi to another business? (0 not at all, 10
          extremely)
        </legend>
        <div className="choice-row">
          {SCORES.map((score) => (
            <label key={score} className="choice">
              <input
                type="radio"
                name="npsScore"
                value={score}
                checked={npsScore === score}
                onChange={() => setNpsScore(score)}
              />
              {score}
            </label>
          ))}
        </div>
        {fieldErrors.of("npsScore") ? (
          <p className="field-error">{fieldErrors.of("npsScore")?.join(" ")}</p>
        ) : null}
      </fieldset>
      <fieldset className="field">
        <legend>How many stars do Hundi's features and support earn?</legend>
        <div className="choice-row">
          {STARS.map((stars) => (
            <label key={stars} className="choice">
              <input
                type="radio"
                name="rating"
                value={stars}
                checked={rating === stars}
                onChange={() => setRating(stars)}
              />
              {"★".repeat(stars)}
              <span className="visually-hidden"> {stars} of 5</span>
            </label>
          ))}
        </div>
        {fieldErrors.of("rating") ? (
          <p className="field-error">{fieldErrors.of("rating")?.join(" ")}</p>
        ) : null}
      </fieldset>
      <TextAreaField
        id="survey-comment"
        label="Anything to add (optional)"
        maxLength={2000}
        value={comment}
        onChange={setComment}
        errors={fieldErrors.of("comment")}
      />
      <div>
        <Button type="submit" busy={result.fetching}>
          Send answer
        </Button>
      </div>
    </form>
  );
}
