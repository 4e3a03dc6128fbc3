using Sensact.Pipelines.Aggregation;

namespace Sensact.Pipelines.Tests.Aggregation;

public sealed class PresenceRuleTests
{
    private static readonly ModalityDescriptor[] Modalities = [new("audio", ["speech"], 10), new("camera", ["other", "face"], 4)];

    [Fact]
    public void Create_InvalidOptions_ThrowsNamingTheKeys()
    {
        var options = new PresenceRuleOptions { AbsentLabel = "speaking-in-view" };
        options.Modalities["audio"] = new PresenceModalityOptions { Score = "", TopK = 0, Prior = 2 };

        var error = Assert.Throws<ArgumentException>(() => new PresenceRule(options));

        Assert.Contains("Modalities:audio:Score", error.Message, StringComparison.Ordinal);
        Assert.Contains("Modalities:audio:TopK", error.Message, StringComparison.Ordinal);
        Assert.Contains("Modalities:audio:Prior", error.Message, StringComparison.Ordinal);
        Assert.Contains("PresentLabel and AbsentLabel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateEvidence_UnknownModality_ThrowsNamingIt()
    {
        var options = new PresenceRuleOptions();
        options.Modalities["imu"] = new PresenceModalityOptions { Score = "motion" };

        var error = Assert.Throws<ArgumentException>(() => new PresenceRule(options).CreateEvidence(Modalities));

        Assert.Contains("Modalities:imu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_NothingSeen_SitsAtThePriors()
    {
        var evidence = Both().CreateEvidence(Modalities);
        var probabilities = new float[2];

        var confidence = evidence.Predict([new(10, 0, 0, 0, false), new(4, 0, 0, 0, false)], probabilities);

        Assert.Equal(0.25f, probabilities[0], 3);
        Assert.Equal(0.75f, confidence, 3);
    }

    [Fact]
    public void Predict_BothPresent_IsSureOnceAUnitOfEachShowsIt()
    {
        var evidence = Both().CreateEvidence(Modalities);
        evidence.Add(0, [1f]);
        evidence.Add(1, [0f, 1f]);
        var probabilities = new float[2];

        var confidence = evidence.Predict([new(10, 1, 0, 0, false), new(4, 1, 0, 0, false)], probabilities);

        Assert.Equal(1f, probabilities[0], 3);
        Assert.Equal(1f, confidence, 3);
    }

    [Fact]
    public void Predict_AbsenceSeenToTheEnd_IsSure_ButNotHalfway()
    {
        var evidence = Both().CreateEvidence(Modalities);
        for (var i = 0; i < 5; i++)
        {
            evidence.Add(0, [0f]);
        }

        var probabilities = new float[2];
        var halfway = evidence.Predict([new(10, 5, 0, 0, false), new(4, 0, 0, 0, false)], probabilities);
        var atEnd = evidence.Predict([new(10, 5, 0, 0, true), new(4, 0, 0, 0, false)], probabilities);

        Assert.Equal(1f - (0.25f * 0.5f), halfway, 3);
        Assert.Equal(1f, atEnd, 3);
    }

    [Fact]
    public void Predict_PersistentPresence_TwoEmptyFramesSettleAbsence_IndependentUnitsDoNot()
    {
        var persistent = Both(cameraRecall: 0.9f).CreateEvidence(Modalities);
        var independent = Both().CreateEvidence(Modalities);
        foreach (var evidence in new[] { persistent, independent })
        {
            evidence.Add(1, [0f, 0f]);
            evidence.Add(1, [0f, 0f]);
        }

        var probabilities = new float[2];
        ModalityProgress[] progress = [new(10, 0, 0, 0, false), new(4, 2, 0, 0, false)];
        var sure = persistent.Predict(progress, probabilities);
        var absent = probabilities[1];
        var unsure = independent.Predict(progress, probabilities);

        // prior 0.5, two misses at recall 0.9: 0.005 / (0.005 + 0.5) for the face, times 0.5 for speech.
        Assert.Equal(1f - (0.5f * (0.005f / 0.505f)), absent, 4);
        Assert.True(sure >= 0.99f);
        Assert.Equal(1f - (0.5f * 0.25f), unsure, 3);
    }

    [Fact]
    public void Predict_PersistentPresence_OneFrameShowingIt_IsPresence()
    {
        var evidence = Both(cameraRecall: 0.9f).CreateEvidence(Modalities);
        evidence.Add(0, [1f]);
        evidence.Add(1, [0f, 0f]);
        evidence.Add(1, [0f, 1f]);
        var probabilities = new float[2];

        evidence.Predict([new(10, 1, 0, 0, false), new(4, 2, 0, 0, false)], probabilities);

        Assert.Equal(1f, probabilities[0], 3);
    }

    [Fact]
    public void Create_RecallOfOne_IsRefusedNamingTheKey()
    {
        var options = new PresenceRuleOptions();
        options.Modalities["camera"] = new PresenceModalityOptions { Score = "face", Recall = 1f };

        var error = Assert.Throws<ArgumentException>(() => new PresenceRule(options));

        Assert.Contains("Modalities:camera:Recall", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SettledConfidence_OnlyAbsenceOfTheOthersSettlesTheWindow()
    {
        var speech = Both().CreateEvidence(Modalities);
        speech.Add(0, [1f]);
        var silence = Both().CreateEvidence(Modalities);
        for (var i = 0; i < 8; i++)
        {
            silence.Add(0, [0f]);
        }

        bool[] cameraOpen = [false, true];
        var afterSpeech = speech.SettledConfidence([new(10, 1, 0, 0, false), new(4, 0, 0, 0, false)], cameraOpen);
        var afterSilence = silence.SettledConfidence([new(10, 8, 0, 0, false), new(4, 0, 0, 0, false)], cameraOpen);

        // Speech leaves the label to the camera; eight silent units of ten leave speech 0.2 · 0.5.
        Assert.Equal(0f, afterSpeech);
        Assert.Equal(0.9f, afterSilence, 3);
    }

    [Fact]
    public void Add_TopK_AveragesTheHighestScores()
    {
        var options = new PresenceRuleOptions();
        options.Modalities["audio"] = new PresenceModalityOptions { Score = "speech", TopK = 2 };
        var evidence = new PresenceRule(options).CreateEvidence(Modalities);
        foreach (var score in new[] { 0.2f, 0.9f, 0.1f, 0.5f })
        {
            evidence.Add(0, [score]);
        }

        var probabilities = new float[2];
        evidence.Predict([new(10, 4, 0, 0, true), new(4, 0, 0, 0, true)], probabilities);

        Assert.Equal(0.7f, probabilities[0], 3);
    }

    [Fact]
    public void Reset_ForgetsTheWindow()
    {
        var evidence = Both().CreateEvidence(Modalities);
        evidence.Add(0, [1f]);
        evidence.Reset();
        var probabilities = new float[2];

        evidence.Predict([new(10, 0, 0, 0, true), new(4, 0, 0, 0, true)], probabilities);

        Assert.Equal(0f, probabilities[0], 3);
    }

    private static PresenceRule Both(float cameraRecall = 0f)
    {
        var options = new PresenceRuleOptions();
        options.Modalities["audio"] = new PresenceModalityOptions { Score = "speech" };
        options.Modalities["camera"] = new PresenceModalityOptions { Score = "face", Recall = cameraRecall };
        return new PresenceRule(options);
    }
}
